import type { DbOrTx, Tx } from '@bazar/kit/db/database';
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { SlotWindow } from '../domain/slot.ts';
import { slotBookings, slotWindows } from './schema.ts';

/** Rows ⇄ slot windows and bookings; no rules here. */
const toWindow = (r: typeof slotWindows.$inferSelect): SlotWindow => ({
  city: r.city,
  id: r.id,
  from: r.startsAt,
  to: r.endsAt,
  capacity: r.capacity,
});

export async function listWindows(db: DbOrTx, city: string): Promise<SlotWindow[]> {
  return (await db.select().from(slotWindows).where(eq(slotWindows.city, city)).orderBy(asc(slotWindows.startsAt))).map(toWindow);
}

/** One window, locked so two bookings of its last place queue behind each other. */
export async function lockWindow(tx: Tx, city: string, id: string): Promise<SlotWindow | undefined> {
  const [row] = await tx
    .select()
    .from(slotWindows)
    .where(and(eq(slotWindows.city, city), eq(slotWindows.id, id)))
    .for('update');
  return row ? toWindow(row) : undefined;
}

/** Replaces a city's windows; bookings already made stay. */
export async function replaceWindows(tx: Tx, city: string, windows: SlotWindow[], at: Date): Promise<void> {
  await tx.delete(slotWindows).where(eq(slotWindows.city, city));
  if (windows.length === 0) return;
  await tx
    .insert(slotWindows)
    .values(windows.map((w) => ({ city, id: w.id, startsAt: w.from, endsAt: w.to, capacity: w.capacity, updatedAt: at })));
}

/** Places taken per `date|windowId` between two days. */
export async function countBookings(db: DbOrTx, city: string, from: string, to: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ day: slotBookings.day, windowId: slotBookings.windowId, n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(slotBookings)
    .where(and(eq(slotBookings.city, city), gte(slotBookings.day, from), lte(slotBookings.day, to), eq(slotBookings.released, false)))
    .groupBy(slotBookings.day, slotBookings.windowId);
  return new Map(rows.map((r) => [`${r.day}|${r.windowId}`, r.n]));
}

export async function findBooking(db: DbOrTx, id: string) {
  const [row] = await db.select().from(slotBookings).where(eq(slotBookings.id, id));
  return row;
}

export async function insertBooking(tx: Tx, booking: { id: string; city: string; day: string; windowId: string; at: Date }): Promise<void> {
  await tx
    .insert(slotBookings)
    .values({ id: booking.id, city: booking.city, day: booking.day, windowId: booking.windowId, createdAt: booking.at })
    .onConflictDoNothing();
}

/** Frees the places of these bookings; answers how many were held. */
export async function releaseBookings(db: DbOrTx, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db
    .update(slotBookings)
    .set({ released: true })
    .where(and(inArray(slotBookings.id, ids), eq(slotBookings.released, false)))
    .returning({ id: slotBookings.id });
  return rows.length;
}
