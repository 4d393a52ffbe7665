import type { DbOrTx } from '@bazar/kit/db/database';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
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

/** The reservation that holds (or held) an order's stock, if any. */
export async function findReservationOfOrder(db: DbOrTx, orderId: string, options: { forUpdate?: boolean } = {}) {
  const [row] = await db
    .select({ id: reservations.id })
    .from(reservations)
    .where(and(eq(reservations.orderId, orderId), inArray(reservations.status, ['reserved', 'committed'])))
    .orderBy(desc(reservations.createdAt))
    .limit(1);
  return row ? findReservation(db, row.id, options) : undefined;
}
