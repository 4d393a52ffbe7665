import { findCourier } from '../db/courier-repo.ts';
import { findShipment } from '../db/shipment-repo.ts';
import { sameCity } from '../domain/courier-choice.ts';
import { CourierNotFound, CourierOfAnotherCity, CourierOffDuty, ShipmentNotFound } from '../domain/shipment.errors.ts';
import { moveShipment, type Shipment } from '../domain/shipment.ts';
import type { DeliveryContext } from './context.ts';
import { recordMove } from './record-move.ts';

export interface AssignCourierInput {
  shipmentId: string;
  courierId: string;
  /** Another day for the attempt (a retry after a failure); the planned day otherwise. */
  deliveryDate?: string;
  actorId: string;
}

/**
 * An operator gives a shipment to a courier: a first assignment, a hand-over, or the retry of a
 * failed delivery. The courier must be on duty and deliver in the shipment's city.
 */
export async function assignCourier(ctx: DeliveryContext, input: AssignCourierInput): Promise<Shipment> {
  return ctx.deps.uow(async (txc) => {
    const shipment = await findShipment(txc.tx, input.shipmentId, true);
    if (!shipment) throw ShipmentNotFound(input.shipmentId);
    const courier = await findCourier(txc.tx, input.courierId);
    if (!courier?.active) throw CourierNotFound(input.courierId);
    if (!courier.onDuty) throw CourierOffDuty(courier.id);
    if (!sameCity(courier.city, shipment.city)) throw CourierOfAnotherCity(shipment.city);
    const moved = moveShipment(shipment, 'assigned', {
      eventId: ctx.deps.ids.next(),
      at: ctx.deps.clock.now(),
      actorId: input.actorId,
      courierId: courier.id,
      ...(input.deliveryDate ? { deliveryDate: input.deliveryDate } : {}),
      note: shipment.status === 'failed' ? 'delivery retried' : null,
    });
    return (await recordMove(ctx, txc, shipment, moved)) ?? moved.shipment;
  });
}
