import type { DbOrTx, Tx } from '@bazar/kit/db/database';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import { couriers, zones } from './schema.ts';

export type CourierRow = typeof couriers.$inferSelect;
export type ZoneRow = typeof zones.$inferSelect;

/** Adds a courier (or makes a known one active again), keeping the city and shift already set. */
export async function upsertCourier(tx: DbOrTx, courier: { id: string; name: string; city: string; at: Date }): Promise<void> {
  await tx
    .insert(couriers)
    .values({ id: courier.id, name: courier.name, city: courier.city, updatedAt: courier.at })
    .onConflictDoUpdate({ target: couriers.id, set: { active: true, updatedAt: courier.at } });
}

export async function deactivateCourier(tx: DbOrTx, id: string, at: Date): Promise<void> {
  await tx.update(couriers).set({ active: false, onDuty: false, updatedAt: at }).where(eq(couriers.id, id));
}

export async function findCourier(db: DbOrTx, id: string): Promise<CourierRow | undefined> {
  const [row] = await db.select().from(couriers).where(eq(couriers.id, id));
  return row;
}

export async function updateCourierRow(tx: DbOrTx, id: string, changes: Partial<Pick<CourierRow, 'city' | 'onDuty' | 'name'>>, at: Date) {
  const [row] = await tx
    .update(couriers)
    .set({ ...changes, updatedAt: at })
    .where(eq(couriers.id, id))
    .returning();
  return row;
}

export async function setCourierPosition(tx: Tx, id: string, lat: number, lon: number): Promise<void> {
  await tx.update(couriers).set({ lastLat: lat, lastLon: lon }).where(eq(couriers.id, id));
}

/** Active couriers, optionally of one city or only those on duty, by name. */
export async function listCourierRows(db: DbOrTx, filter: { city?: string; onDuty?: boolean } = {}): Promise<CourierRow[]> {
  const where: SQL[] = [eq(couriers.active, true)];
  if (filter.city) where.push(eq(couriers.city, filter.city));
  if (filter.onDuty !== undefined) where.push(eq(couriers.onDuty, filter.onDuty));
  return db
    .select()
    .from(couriers)
    .where(and(...where))
    .orderBy(asc(couriers.name), asc(couriers.id));
}

export async function findZone(db: DbOrTx, city: string): Promise<ZoneRow | undefined> {
  const [row] = await db.select().from(zones).where(eq(zones.city, city));
  return row;
}

export async function upsertZone(db: DbOrTx, zone: Omit<ZoneRow, 'updatedAt'>, at: Date): Promise<void> {
  await db
    .insert(zones)
    .values({ ...zone, updatedAt: at })
    .onConflictDoUpdate({ target: zones.city, set: { name: zone.name, depotLat: zone.depotLat, depotLon: zone.depotLon, updatedAt: at } });
}
