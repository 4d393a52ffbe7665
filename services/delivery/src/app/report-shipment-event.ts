import type { AuthUser } from '@bazar/kit/http/auth';
import { hasRole } from '@bazar/kit/http/auth';
import { setCourierPosition } from '../db/courier-repo.ts';
import { findChange, findShipment } from '../db/shipment-repo.ts';
import { FailureNeedsReason, NotYourShipment, ShipmentNotFound } from '../domain/shipment.errors.ts';
import { moveShipment, type Shipment } from '../domain/shipment.ts';
import type { CourierReport } from '../domain/shipment-status.ts';
import type { DeliveryContext } from './context.ts';
import { recordMove } from './record-move.ts';

export interface ShipmentReport {
  shipmentId: string;
  /** The report's id, made by the courier's app: a retried report with the same id counts once. */
  eventId: string;
  status: CourierReport;
  note?: string;
  lat?: number;
  lon?: number;
  actor: AuthUser;
}

/**
 * The assigned courier reports a step: `picked_up`, `in_transit`, `delivered`, or `failed` with a
 * reason. An operator may report on the courier's behalf. A report whose id was seen answers the
 * shipment as it is now and changes nothing.
 */
export async function reportShipmentEvent(ctx: DeliveryContext, report: ShipmentReport): Promise<Shipment> {
  return ctx.deps.uow(async (txc) => {
    const shipment = await findShipment(txc.tx, report.shipmentId, true);
    if (!shipment) throw ShipmentNotFound(report.shipmentId);
    const isOperator = hasRole(report.actor, 'operator', 'admin');
    if (!isOperator && shipment.courierId !== report.actor.id) throw NotYourShipment();
    const seen = await findChange(txc.tx, report.eventId);
    if (seen) {
      if (seen.shipmentId !== shipment.id) throw NotYourShipment();
      return shipment;
    }
    if (report.status === 'failed' && !report.note?.trim()) throw FailureNeedsReason();
    const moved = moveShipment(shipment, report.status, {
      eventId: report.eventId,
      at: ctx.deps.clock.now(),
      actorId: report.actor.id,
      note: report.note ?? null,
      lat: report.lat ?? null,
      lon: report.lon ?? null,
    });
    if (shipment.courierId && report.lat !== undefined && report.lon !== undefined) {
      await setCourierPosition(txc.tx, shipment.courierId, report.lat, report.lon);
    }
    return (await recordMove(ctx, txc, shipment, moved)) ?? moved.shipment;
  });
}
