export interface CourierLoad {
  id: string;
  city: string;
  onDuty: boolean;
  /** Shipments the courier holds that are not delivered, failed, returned or cancelled. */
  openShipments: number;
}

/** Automatic assignment: an on-duty courier of the city with the fewest open shipments (ties by id). */
export function chooseCourier(couriers: readonly CourierLoad[], city: string): string | null {
  const candidates = couriers
    .filter((c) => c.onDuty && sameCity(c.city, city))
    .sort((a, b) => a.openShipments - b.openShipments || a.id.localeCompare(b.id));
  return candidates[0]?.id ?? null;
}

/** Cities are compared as people type them: case and surrounding spaces do not matter. */
export const sameCity = (a: string, b: string) => normalizeCity(a) === normalizeCity(b);
export const normalizeCity = (city: string) => city.trim().toLocaleLowerCase('ru');
