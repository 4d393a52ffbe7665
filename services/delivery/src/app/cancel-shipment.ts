import type { TxContext } from '@bazar/kit/events/outbox';
import { findShipmentOfOrder } from '../db/shipment-repo.ts';
import { moveShipment } from '../domain/shipment.ts';
import { shipmentMachine } from '../domain/shipment-status.ts';
import type { DeliveryContext } from './context.ts';
import { recordMove } from './record-move.ts';

/** A cancelled order's shipment leaves its courier's route, if it has not left the warehouse yet. */
export async function cancelShipmentOfOrder(ctx: DeliveryContext, txc: TxContext, input: { orderId: string; note: string | null }) {
  const shipment = await findShipmentOfOrder(txc.tx, input.orderId, true);
  if (!shipment || !shipmentMachine.can(shipment.status, 'cancelled')) return;
  const moved = moveShipment(shipment, 'cancelled', {
    eventId: ctx.deps.ids.next(),
    at: ctx.deps.clock.now(),
    actorId: null,
    note: input.note ?? 'order cancelled',
  });
  await recordMove(ctx, txc, shipment, moved);
}
