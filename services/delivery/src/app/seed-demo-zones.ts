import { upsertZone } from '../db/courier-repo.ts';
import { normalizeCity } from '../domain/courier-choice.ts';
import type { DeliveryContext } from './context.ts';

/** Demo cities and the warehouses their couriers start from. */
const DEMO_ZONES = [
  { name: 'Москва', depotLat: 55.7963, depotLon: 37.5378 },
  { name: 'Санкт-Петербург', depotLat: 59.9275, depotLon: 30.3609 },
  { name: 'Казань', depotLat: 55.7887, depotLon: 49.1221 },
];

/** Idempotent: run at every start of a demo. */
export async function seedDemoZones(ctx: DeliveryContext): Promise<void> {
  const at = ctx.deps.clock.now();
  for (const zone of DEMO_ZONES) await upsertZone(ctx.deps.db, { city: normalizeCity(zone.name), ...zone }, at);
}
