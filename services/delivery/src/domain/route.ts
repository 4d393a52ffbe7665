export interface Point {
  lat: number;
  lon: number;
}

export interface Stop {
  id: string;
  /** Missing when the address came without coordinates. */
  point: Point | null;
}

export interface RouteOptions {
  /** Average speed between stops. */
  speedKmh: number;
  /** Time spent at each stop handing the parcel over. */
  stopMinutes: number;
  /** Assumed length of a leg to or from a stop without coordinates. */
  unknownLegKm: number;
}

export interface PlannedStop {
  id: string;
  position: number;
  eta: Date;
}

const EARTH_RADIUS_KM = 6371;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in km (haversine). */
export function distanceKm(a: Point, b: Point): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

const legKm = (a: Point | null, b: Point | null, options: RouteOptions) => (a && b ? distanceKm(a, b) : options.unknownLegKm);

/** Length of an open path from `start` through the stops in order (the courier does not come back). */
export function pathKm(start: Point, stops: readonly Stop[], options: RouteOptions): number {
  let total = 0;
  let at: Point | null = start;
  for (const stop of stops) {
    total += legKm(at, stop.point, options);
    at = stop.point;
  }
  return total;
}

function nearestNeighbour(start: Point, stops: readonly Stop[], options: RouteOptions): Stop[] {
  const left = [...stops];
  const order: Stop[] = [];
  let at: Point | null = start;
  while (left.length > 0) {
    let best = 0;
    for (let i = 1; i < left.length; i++) {
      if (legKm(at, left[i]?.point ?? null, options) < legKm(at, left[best]?.point ?? null, options)) best = i;
    }
    const [next] = left.splice(best, 1) as [Stop];
    order.push(next);
    at = next.point;
  }
  return order;
}

/** Reverses segments while that shortens the path (2-opt), until no reversal helps. */
function twoOpt(start: Point, route: Stop[], options: RouteOptions): Stop[] {
  let best = route;
  let bestKm = pathKm(start, best, options);
  let improved = true;
  while (improved) {
    improved = false;
    for (let i = 0; i < best.length - 1; i++) {
      for (let j = i + 1; j < best.length; j++) {
        const candidate = [...best.slice(0, i), ...best.slice(i, j + 1).reverse(), ...best.slice(j + 1)];
        const km = pathKm(start, candidate, options);
        if (km < bestKm - 1e-9) {
          best = candidate;
          bestKm = km;
          improved = true;
        }
      }
    }
  }
  return best;
}

/**
 * A courier's stops for a day in driving order from `start` (the warehouse, or where the courier last
 * reported from): nearest neighbour, then 2-opt. Each stop's ETA adds the leg at `speedKmh` and
 * `stopMinutes` per earlier stop. It ignores roads, traffic, time slots and parcel sizes (docs/decisions/0020).
 */
export function planRoute(start: Point, stops: readonly Stop[], departAt: Date, options: RouteOptions): PlannedStop[] {
  const sorted = [...stops].sort((a, b) => a.id.localeCompare(b.id));
  const route = twoOpt(start, nearestNeighbour(start, sorted, options), options);
  let clock = departAt.getTime();
  let at: Point | null = start;
  return route.map((stop, index) => {
    if (index > 0) clock += options.stopMinutes * 60_000;
    clock += (legKm(at, stop.point, options) / options.speedKmh) * 3_600_000;
    at = stop.point;
    return { id: stop.id, position: index + 1, eta: new Date(Math.round(clock / 1000) * 1000) };
  });
}
