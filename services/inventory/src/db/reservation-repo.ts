import type { DbOrTx, Tx } from '@bazar/kit/db/database';
import { deferWrite } from '@bazar/kit/db/deferred-writes';
import { placeholders, reusableInsertRows, reusableQuery } from '@bazar/kit/db/reusable-query';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Reservation } from '../domain/reservation.ts';
import type { Allocation } from '../domain/stock.ts';
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

const reservationRow = (db: DbOrTx) => db.insert(reservations).values(placeholders('id', 'orderId', 'status', 'createdAt'));
const insertReservation = reusableQuery('inventory.reservations.insert', reservationRow);
const claimReservationId = reusableQuery('inventory.reservations.claim', (db) =>
  reservationRow(db).onConflictDoNothing().returning({ id: reservations.id }),
);
const insertReservationLines = reusableInsertRows('inventory.reservation_lines.insert', reservationLines, [
  'reservationId',
  'sku',
  'warehouseId',
  'quantity',
]);

export interface ReservationRow {
  id: string;
  orderId: string | null;
  status: string;
  createdAt: Date;
}

/** Adds a reservation row to the unit of work's writes, sent with them at its end. */
export const addReservation = (tx: Tx, row: ReservationRow) => deferWrite(tx, insertReservation.statement(tx, { ...row }));

/** Inserts the reservation row now unless its id exists; answers the inserted id, or nothing when it was there already. */
export const claimReservation = (tx: Tx, row: ReservationRow) => claimReservationId(tx, { ...row });

/** Adds a reservation's lines, one per SKU and warehouse, to the unit of work's writes. */
export async function addReservationLines(tx: Tx, reservationId: string, allocations: Allocation[]) {
  const lineRows = allocations.map((a) => ({ reservationId, ...a }));
  await deferWrite(tx, insertReservationLines.statement(tx, lineRows));
}
