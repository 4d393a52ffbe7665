import { randomBytes } from 'node:crypto';
import type { TxContext } from '@bazar/kit/events/outbox';
import { findShipment, findShipmentOfOrder, insertChange, insertShipment } from '../db/shipment-repo.ts';
import { type DeliveryAddress, dayOf, moveShipment, openShipment as newShipment, type Shipment } from '../domain/shipment.ts';
import { formatTrackingNumber, TRACKING_RANDOM_BYTES } from '../domain/tracking-number.ts';
import { toIntegration } from '../events/outbound.ts';
import { chooseCourierFor } from './choose-courier-for.ts';
import type { DeliveryContext } from './context.ts';
import { recordMove } from './record-move.ts';

export interface PackedOrder {
  orderId: string;
  orderNumber: string;
  customerId: string;
  phone: string;
  address: DeliveryAddress;
  /** The day and window the customer chose at checkout. */
  slot?: { date: string; windowId: string; from: string; to: string };
}

/**
 * A packed order gets its shipment (once: a repeated event finds it) with an unguessable tracking
 * number, planned for the day the customer chose (or the day it was packed, if none or that day has passed), and goes to a courier of its city when one is on duty.
 */
export async function openShipment(ctx: DeliveryContext, txc: TxContext, order: PackedOrder): Promise<Shipment> {
  const { ids, clock } = ctx.deps;
  const at = clock.now();
  const opened = newShipment(
    {
      id: ids.next(),
      orderId: order.orderId,
      orderNumber: order.orderNumber,
      customerId: order.customerId,
      trackingNumber: formatTrackingNumber(randomBytes(TRACKING_RANDOM_BYTES)),
      address: order.address,
      phone: order.phone,
      deliveryDate: order.slot && order.slot.date > dayOf(at) ? order.slot.date : dayOf(at),
      slot: order.slot ? { windowId: order.slot.windowId, from: order.slot.from, to: order.slot.to } : null,
    },
    { eventId: ids.next(), at, actorId: null },
  );
  if (!(await insertShipment(txc.tx, opened.shipment))) {
    return (await findShipmentOfOrder(txc.tx, order.orderId)) as Shipment;
  }
  await insertChange(txc.tx, opened.change);
  await txc.publish(toIntegration(opened.shipment, opened.change));
  const courierId = await chooseCourierFor(txc.tx, opened.shipment.city);
  if (!courierId) return opened.shipment;
  const locked = (await findShipment(txc.tx, opened.shipment.id, true)) as Shipment;
  const assigned = moveShipment(locked, 'assigned', { eventId: ids.next(), at, actorId: null, courierId, note: 'assigned automatically' });
  return (await recordMove(ctx, txc, locked, assigned)) ?? assigned.shipment;
}
