import { findShipment } from '../db/shipment-repo.ts';
import { ShipmentNotFound } from '../domain/shipment.errors.ts';
import { moveShipment, type Shipment } from '../domain/shipment.ts';
import type { DeliveryContext } from './context.ts';
import { recordMove } from './record-move.ts';

/**
 * After a failed attempt an operator sends the parcel back to the warehouse instead of retrying;
 * `shipment.returned.v1` makes orders cancel the order, restock it and refund it.
 */
export async function returnShipment(
  ctx: DeliveryContext,
  input: { shipmentId: string; actorId: string; reason?: string },
): Promise<Shipment> {
  return ctx.deps.uow(async (txc) => {
    const shipment = await findShipment(txc.tx, input.shipmentId, true);
    if (!shipment) throw ShipmentNotFound(input.shipmentId);
    const moved = moveShipment(shipment, 'returned', {
      eventId: ctx.deps.ids.next(),
      at: ctx.deps.clock.now(),
      actorId: input.actorId,
      note: input.reason ?? 'returned to the warehouse',
    });
    return (await recordMove(ctx, txc, shipment, moved)) ?? moved.shipment;
  });
}
