import type { DbOrTx } from '@bazar/kit/db/database';
import { asc, eq } from 'drizzle-orm';
import type { Reservation } from '../domain/reservation.ts';
import { reservationLines, reservations } from './schema.ts';

/** Loads a reservation with its lines; `forUpdate` locks the reservation row for a status move. */
export async function findReservation(db: DbOrTx, id: string, options: { forUpdate?: boolean } = {}): Promise<Reservation | undefined> {
  const query = db.select().from(reservations).where(eq(reservations.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) return undefined;
  const lines = await db
    .select({ sku: reservationLines.sku, warehouseId: reservationLines.warehouseId, quantity: reservationLines.quantity })
    .from(reservationLines)
    .where(eq(reservationLines.reservationId, id))
    .orderBy(asc(reservationLines.sku), asc(reservationLines.warehouseId));
  return { reservationId: row.id, orderId: row.orderId, status: row.status, lines };
}
