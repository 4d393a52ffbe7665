import type { TxContext } from '@bazar/kit/events/outbox';
import { insertChange, saveShipment } from '../db/shipment-repo.ts';
import type { Shipment, ShipmentChange } from '../domain/shipment.ts';
import { toIntegration } from '../events/outbound.ts';
import type { DeliveryContext } from './context.ts';
import { planCourierRoute } from './plan-courier-route.ts';

/**
 * Writes a (locked) shipment's step in the caller's transaction: the row, its history entry, the
 * courier's re-planned route and the `shipment.<status>.v1` event, together. Answers the shipment
 * as stored (with its new ETA), or null when a step with this id was recorded before.
 */
export async function recordMove(
  ctx: DeliveryContext,
  { tx, publish }: TxContext,
  before: Shipment,
  moved: { shipment: Shipment; change: ShipmentChange },
): Promise<Shipment | null> {
  if (!(await insertChange(tx, moved.change))) return null;
  await saveShipment(tx, moved.shipment, moved.change.at);
  let stored = moved.shipment;
  // The courier who lost or gained a stop gets a new route (and with it, new ETAs).
  const touched = new Map<string, string>();
  if (before.courierId) touched.set(`${before.courierId}|${before.deliveryDate}`, before.courierId);
  if (stored.courierId) touched.set(`${stored.courierId}|${stored.deliveryDate}`, stored.courierId);
  for (const [key, courierId] of touched) {
    const planned = await planCourierRoute(ctx, tx, courierId, key.slice(key.indexOf('|') + 1));
    const mine = planned.find((p) => p.id === stored.id);
    if (mine) stored = { ...stored, routePosition: mine.position, eta: mine.eta };
  }
  await publish(toIntegration(stored, moved.change));
  return stored;
}
