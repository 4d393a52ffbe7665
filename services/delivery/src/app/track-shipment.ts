import { findByTrackingNumber, historyOf } from '../db/shipment-repo.ts';
import { TrackingNotFound } from '../domain/shipment.errors.ts';
import type { ShipmentStatus } from '../domain/shipment-status.ts';
import { isTrackingNumber } from '../domain/tracking-number.ts';
import type { DeliveryContext } from './context.ts';

/**
 * Public tracking: where the parcel stands, its steps and the ETA. Nothing that names or locates a
 * person: no name, phone, address, courier, notes or coordinates (a failure's reason may name them).
 */
export async function trackShipment(ctx: DeliveryContext, trackingNumber: string) {
  const normalized = trackingNumber.trim().toUpperCase();
  if (!isTrackingNumber(normalized)) throw TrackingNotFound();
  const shipment = await findByTrackingNumber(ctx.deps.db, normalized);
  if (!shipment) throw TrackingNotFound();
  const history = await historyOf(ctx.deps.db, shipment.id);
  return {
    trackingNumber: shipment.trackingNumber,
    status: shipment.status,
    deliveryDate: shipment.deliveryDate,
    slot: shipment.slot ? { from: shipment.slot.from, to: shipment.slot.to } : null,
    eta: shipment.eta?.toISOString() ?? null,
    events: history.map((e) => ({ status: e.toStatus as ShipmentStatus, at: e.at.toISOString() })),
  };
}
