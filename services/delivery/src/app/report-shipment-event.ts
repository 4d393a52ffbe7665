import { randomInt } from 'node:crypto';
import type { AuthUser } from '@bazar/kit/http/auth';
import { hasRole } from '@bazar/kit/http/auth';
import { setCourierPosition } from '../db/courier-repo.ts';
import { countWrongCode, findChange, findShipment } from '../db/shipment-repo.ts';
import {
  DeliveryCodeLocked,
  DeliveryCodeMissing,
  DeliveryCodeWrong,
  FailureNeedsReason,
  NotYourShipment,
  OverrideNeedsReason,
  RefusalOnlyOnFailure,
  ShipmentNotFound,
} from '../domain/shipment.errors.ts';
import { checkDeliveryCode, failureSendsBack, moveShipment, type Shipment } from '../domain/shipment.ts';
import type { CourierReport } from '../domain/shipment-status.ts';
import type { DeliveryContext } from './context.ts';
import { recordMove } from './record-move.ts';

export interface ShipmentReport {
  shipmentId: string;
  /** The report's id, made by the courier's app: a retried report with the same id counts once. */
  eventId: string;
  status: CourierReport;
  note?: string;
  /** For `failed`: the customer refused the parcel, so it goes back to the warehouse now. */
  refused?: boolean;
  /** For `delivered`: the code the customer got by SMS at pickup. */
  code?: string;
  lat?: number;
  lon?: number;
  actor: AuthUser;
}

/** Four digits: read out at the door in a breath; five wrong tries lock it (1 in 2,000 to guess). */
const newDeliveryCode = () => String(randomInt(0, 10_000)).padStart(4, '0');

/**
 * The assigned courier reports a step: `picked_up`, `in_transit`, `delivered` (with the customer's
 * code), or `failed` with a reason. An operator may report on the courier's behalf, and mark it
 * delivered without the code given a reason. A report whose id was seen answers the shipment as it
 * is now and changes nothing. A failure the customer refused, or the last allowed attempt, returns
 * the parcel in the same transaction (`shipment.returned.v1`: orders cancel, restock and refund).
 */
export async function reportShipmentEvent(ctx: DeliveryContext, report: ShipmentReport): Promise<Shipment> {
  let wrongCode = false;
  const result = await ctx.deps.uow(async (txc) => {
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
    if (report.refused && report.status !== 'failed') throw RefusalOnlyOnFailure();
    if (report.status === 'delivered') {
      const check = checkDeliveryCode(shipment, report.code);
      if (check !== 'ok' && isOperator) {
        if (!report.note?.trim()) throw OverrideNeedsReason();
      } else if (check === 'locked') throw DeliveryCodeLocked();
      else if (check === 'missing') throw DeliveryCodeMissing();
      else if (check === 'wrong') {
        wrongCode = true;
        return shipment;
      }
    }
    const moved = moveShipment(shipment, report.status, {
      eventId: report.eventId,
      at: ctx.deps.clock.now(),
      actorId: report.actor.id,
      note: report.note ?? null,
      lat: report.lat ?? null,
      lon: report.lon ?? null,
      ...(report.status === 'picked_up' ? { deliveryCode: newDeliveryCode() } : {}),
    });
    if (shipment.courierId && report.lat !== undefined && report.lon !== undefined) {
      await setCourierPosition(txc.tx, shipment.courierId, report.lat, report.lon);
    }
    const stored = (await recordMove(ctx, txc, shipment, moved)) ?? moved.shipment;
    if (!failureSendsBack(stored, { refused: report.refused === true, maxAttempts: ctx.config.DELIVERY_MAX_ATTEMPTS })) return stored;
    const back = moveShipment(stored, 'returned', {
      eventId: ctx.deps.ids.next(),
      at: ctx.deps.clock.now(),
      actorId: report.actor.id,
      note: report.refused
        ? `refused by the customer: ${report.note?.trim()}`
        : `${stored.failures} attempts failed: ${report.note?.trim()}`,
    });
    return (await recordMove(ctx, txc, stored, back)) ?? back.shipment;
  });
  if (wrongCode) {
    // Counted outside the refused report, so guessing runs out of tries.
    await countWrongCode(ctx.deps.db, report.shipmentId);
    throw DeliveryCodeWrong();
  }
  return result;
}
