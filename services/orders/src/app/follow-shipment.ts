import type { TxContext } from '@bazar/kit/events/outbox';
import { and, eq, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
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
  /** The status this step left: breaks the tie between two steps recorded at the same instant. */
  previousStatus: string | null;
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
    .where(and(eq(orderRows.id, order.id), isNewer(news)));
  for (const to of ORDER_PATH[news.status] ?? []) {
    if (order.status === to || !reachable(order.status, to)) continue;
    const note = to === 'cancelled' ? `returned to the warehouse${news.note ? `: ${news.note}` : ''}` : null;
    order = await moveOrder(ctx, txc, order, to, { actorId: news.actorId, note });
    if (to === 'cancelled') await scheduleRelease(ctx, txc.tx, order.id);
  }
  return order;
}

/**
 * The view keeps the newest step. Delivery records two steps at one instant when it opens a shipment
 * and assigns it in the same transaction, and a broker may hand them over in either order: at equal
 * times the step that follows the stored one wins.
 */
function isNewer(news: ShipmentNews): SQL | undefined {
  const successor = news.previousStatus === null ? sql`false` : eq(orderRows.shipmentStatus, news.previousStatus);
  return or(isNull(orderRows.shipmentAt), lt(orderRows.shipmentAt, news.at), and(eq(orderRows.shipmentAt, news.at), successor));
}

/** Only forward moves the shipment explains: a packed or shipped order; anything else was settled otherwise. */
const reachable = (from: OrderStatus, to: OrderStatus) =>
  (from === 'packed' && to === 'shipped') || (from === 'shipped' && (to === 'delivered' || to === 'cancelled'));
