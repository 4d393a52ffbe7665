import type { TxContext } from '@bazar/kit/events/outbox';
import { and, eq, isNull, lte, or } from 'drizzle-orm';
import { findOrder } from '../db/order-repo.ts';
import { orderRows } from '../db/schema.ts';
import type { Order } from '../domain/order.ts';
import type { OrderStatus } from '../domain/order-status.ts';
import type { OrdersContext } from './context.ts';
import { moveOrder } from './move-order.ts';
import { scheduleRelease } from './release-order-resources.ts';

export interface ShipmentNews {
  orderId: string;
  shipmentId: string;
  trackingNumber: string;
  status: string;
  note: string | null;
  actorId: string | null;
  at: Date;
}

/** The order statuses a shipment's step leads to, in order (a `delivered` that overtook its `picked_up` passes `shipped`). */
const ORDER_PATH: Record<string, OrderStatus[]> = {
  picked_up: ['shipped'],
  in_transit: ['shipped'],
  delivered: ['shipped', 'delivered'],
  returned: ['cancelled'],
};

/**
 * Orders follow their shipment: the view keeps the shipment's newest status, `picked_up` ships the
 * order, `delivered` delivers it, and `returned` (back at the warehouse after a failed delivery)
 * cancels it, with the release job giving the stock and the money back. Steps already taken are skipped.
 */
export async function followShipment(ctx: OrdersContext, txc: TxContext, news: ShipmentNews): Promise<Order | undefined> {
  let order = await findOrder(txc.tx, news.orderId, true);
  if (!order) return undefined;
  await txc.tx
    .update(orderRows)
    .set({ shipmentId: news.shipmentId, shipmentStatus: news.status, trackingNumber: news.trackingNumber, shipmentAt: news.at })
    .where(and(eq(orderRows.id, order.id), or(isNull(orderRows.shipmentAt), lte(orderRows.shipmentAt, news.at))));
  for (const to of ORDER_PATH[news.status] ?? []) {
    if (order.status === to || !reachable(order.status, to)) continue;
    const note = to === 'cancelled' ? `returned to the warehouse${news.note ? `: ${news.note}` : ''}` : null;
    order = await moveOrder(ctx, txc, order, to, { actorId: news.actorId, note });
    if (to === 'cancelled') await scheduleRelease(ctx, txc.tx, order.id);
  }
  return order;
}

/** Only forward moves the shipment explains: a packed or shipped order; anything else was settled otherwise. */
const reachable = (from: OrderStatus, to: OrderStatus) =>
  (from === 'packed' && to === 'shipped') || (from === 'shipped' && (to === 'delivered' || to === 'cancelled'));
