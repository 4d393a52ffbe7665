import type { Tx } from '@bazar/kit/db/database';
import { findCourier, findZone } from '../db/courier-repo.ts';
import { routeShipments, setRoutePlace } from '../db/shipment-repo.ts';
import { type PlannedStop, planRoute } from '../domain/route.ts';
import { OPEN_STATUSES } from '../domain/shipment-status.ts';
import type { DeliveryContext } from './context.ts';

/** Where couriers of a city without a zone start: the centre of Moscow. */
const FALLBACK_DEPOT = { lat: 55.7558, lon: 37.6173 };

/**
 * Orders a courier's open shipments of a day into a route and stores each stop's place and ETA.
 * Before the day begins the route starts at the city's warehouse at the day's start hour; once it
 * has begun, from now and from where the courier last reported, when known.
 */
export async function planCourierRoute(ctx: DeliveryContext, tx: Tx, courierId: string, day: string): Promise<PlannedStop[]> {
  const stops = await routeShipments(tx, courierId, day, OPEN_STATUSES);
  if (stops.length === 0) return [];
  const courier = await findCourier(tx, courierId);
  const zone = courier ? await findZone(tx, courier.city) : undefined;
  const depot = zone ? { lat: zone.depotLat, lon: zone.depotLon } : FALLBACK_DEPOT;
  const now = ctx.deps.clock.now();
  const dayStart = new Date(`${day}T${String(ctx.config.DELIVERY_DAY_START_UTC).padStart(2, '0')}:00:00Z`);
  const begun = now > dayStart;
  const lastSeen = courier?.lastLat != null && courier.lastLon != null ? { lat: courier.lastLat, lon: courier.lastLon } : null;
  const start = begun && lastSeen ? lastSeen : depot;
  const point = (a: { lat?: number; lon?: number }) => (a.lat !== undefined && a.lon !== undefined ? { lat: a.lat, lon: a.lon } : null);
  const planned = planRoute(
    start,
    stops.map((s) => ({ id: s.id, point: point(s.address) })),
    begun ? now : dayStart,
    {
      speedKmh: ctx.config.DELIVERY_SPEED_KMH,
      stopMinutes: ctx.config.DELIVERY_STOP_MINUTES,
      unknownLegKm: ctx.config.DELIVERY_UNKNOWN_LEG_KM,
    },
  );
  for (const stop of planned) await setRoutePlace(tx, stop.id, stop.position, stop.eta);
  return planned;
}
