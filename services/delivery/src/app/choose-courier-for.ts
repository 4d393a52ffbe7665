import type { DbOrTx } from '@bazar/kit/db/database';
import { listCourierRows } from '../db/courier-repo.ts';
import { openCounts } from '../db/shipment-repo.ts';
import { chooseCourier, normalizeCity } from '../domain/courier-choice.ts';
import { OPEN_STATUSES } from '../domain/shipment-status.ts';

/** The on-duty courier of the city with the fewest open shipments, or null when nobody is on duty there. */
export async function chooseCourierFor(db: DbOrTx, city: string): Promise<string | null> {
  const onDuty = await listCourierRows(db, { city: normalizeCity(city), onDuty: true });
  const counts = await openCounts(
    db,
    onDuty.map((c) => c.id),
    OPEN_STATUSES,
  );
  return chooseCourier(
    onDuty.map((c) => ({ id: c.id, city: c.city, onDuty: c.onDuty, openShipments: counts.get(c.id) ?? 0 })),
    city,
  );
}
