import type { DbOrTx, Tx } from '@bazar/kit/db/database';
import { and, asc, desc, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Shipment, ShipmentChange } from '../domain/shipment.ts';
import type { ShipmentStatus } from '../domain/shipment-status.ts';
import { type ShipmentRow, shipmentEvents, shipments } from './schema.ts';

/** Rows ⇄ aggregate; no rules here. */
export const toShipment = (row: ShipmentRow): Shipment => ({
  id: row.id,
  orderId: row.orderId,
  orderNumber: row.orderNumber,
  customerId: row.customerId,
  trackingNumber: row.trackingNumber,
  status: row.status as ShipmentStatus,
  city: row.city,
  address: row.address,
  phone: row.phone,
  courierId: row.courierId,
  deliveryDate: row.deliveryDate,
  routePosition: row.routePosition,
  eta: row.eta,
  failures: row.failures,
  slot: row.slot ?? null,
  deliveryCode: row.deliveryCode,
  codeAttempts: row.codeAttempts,
  createdAt: row.createdAt,
});

export async function findShipment(db: DbOrTx, id: string, lock = false): Promise<Shipment | undefined> {
  const query = db.select().from(shipments).where(eq(shipments.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row ? toShipment(row) : undefined;
}

export async function findShipmentOfOrder(db: DbOrTx, orderId: string, lock = false): Promise<Shipment | undefined> {
  const query = db.select().from(shipments).where(eq(shipments.orderId, orderId));
  const [row] = lock ? await query.for('update') : await query;
  return row ? toShipment(row) : undefined;
}

export async function findByTrackingNumber(db: DbOrTx, trackingNumber: string): Promise<Shipment | undefined> {
  const [row] = await db.select().from(shipments).where(eq(shipments.trackingNumber, trackingNumber));
  return row ? toShipment(row) : undefined;
}

/** Inserts a new shipment unless its order has one already; answers whether it was inserted. */
export async function insertShipment(tx: Tx, s: Shipment): Promise<boolean> {
  const inserted = await tx
    .insert(shipments)
    .values({ ...s, updatedAt: s.createdAt })
    .onConflictDoNothing({ target: shipments.orderId })
    .returning({ id: shipments.id });
  return inserted.length > 0;
}

export async function saveShipment(tx: Tx, s: Shipment, at: Date): Promise<void> {
  await tx
    .update(shipments)
    .set({
      status: s.status,
      courierId: s.courierId,
      deliveryDate: s.deliveryDate,
      routePosition: s.routePosition,
      eta: s.eta,
      failures: s.failures,
      slot: s.slot,
      deliveryCode: s.deliveryCode,
      codeAttempts: s.codeAttempts,
      updatedAt: at,
    })
    .where(eq(shipments.id, s.id));
}

/** Counts a wrong delivery code (kept even though the report itself is refused). */
export async function countWrongCode(db: DbOrTx, id: string): Promise<void> {
  await db
    .update(shipments)
    .set({ codeAttempts: sql`${shipments.codeAttempts} + 1` })
    .where(eq(shipments.id, id));
}

/** Stores a step of the history; answers false when a step with this id exists (a retried report). */
export async function insertChange(tx: Tx, change: ShipmentChange): Promise<boolean> {
  const inserted = await tx
    .insert(shipmentEvents)
    .values({
      id: change.eventId,
      shipmentId: change.shipmentId,
      fromStatus: change.from,
      toStatus: change.to,
      actorId: change.actorId,
      note: change.note,
      lat: change.lat,
      lon: change.lon,
      at: change.at,
    })
    .onConflictDoNothing()
    .returning({ id: shipmentEvents.id });
  return inserted.length > 0;
}

export async function findChange(db: DbOrTx, eventId: string) {
  const [row] = await db.select().from(shipmentEvents).where(eq(shipmentEvents.id, eventId));
  return row;
}

export async function historyOf(db: DbOrTx, shipmentId: string) {
  return db
    .select()
    .from(shipmentEvents)
    .where(eq(shipmentEvents.shipmentId, shipmentId))
    .orderBy(asc(shipmentEvents.at), asc(shipmentEvents.id));
}

/** A courier's shipments of a day that are still on the road or waiting to leave, locked for re-planning. */
export async function routeShipments(tx: Tx, courierId: string, day: string, statuses: readonly ShipmentStatus[]): Promise<Shipment[]> {
  const rows = await tx
    .select()
    .from(shipments)
    .where(and(eq(shipments.courierId, courierId), eq(shipments.deliveryDate, day), inArray(shipments.status, [...statuses])))
    .orderBy(asc(shipments.id))
    .for('update');
  return rows.map(toShipment);
}

export async function setRoutePlace(tx: Tx, id: string, routePosition: number, eta: Date): Promise<void> {
  await tx.update(shipments).set({ routePosition, eta }).where(eq(shipments.id, id));
}

export interface ShipmentFilter {
  status?: ShipmentStatus;
  courierId?: string;
  date?: string;
  limit: number;
  after?: { id: string };
}

/** Newest first, keyset-paged by id (ids are time-ordered UUIDv7). */
export async function listShipmentRows(db: DbOrTx, filter: ShipmentFilter): Promise<ShipmentRow[]> {
  const where: SQL[] = [];
  if (filter.status) where.push(eq(shipments.status, filter.status));
  if (filter.courierId) where.push(eq(shipments.courierId, filter.courierId));
  if (filter.date) where.push(eq(shipments.deliveryDate, filter.date));
  if (filter.after) where.push(lt(shipments.id, filter.after.id));
  return db
    .select()
    .from(shipments)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(shipments.id))
    .limit(filter.limit + 1);
}

/** Open shipments per courier (for the load-based choice). */
export async function openCounts(db: DbOrTx, courierIds: string[], statuses: readonly ShipmentStatus[]): Promise<Map<string, number>> {
  if (courierIds.length === 0) return new Map();
  const rows = await db
    .select({ courierId: shipments.courierId, id: shipments.id })
    .from(shipments)
    .where(and(inArray(shipments.courierId, courierIds), inArray(shipments.status, [...statuses])));
  const counts = new Map<string, number>();
  for (const row of rows) if (row.courierId) counts.set(row.courierId, (counts.get(row.courierId) ?? 0) + 1);
  return counts;
}
