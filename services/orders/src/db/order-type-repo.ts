import type { DbOrTx, Tx } from '@bazar/kit/db/database';
import { isUniqueViolation } from '@bazar/kit/errors';
import { asc, eq, sql } from 'drizzle-orm';
import type { OrderType } from '../domain/order-type.ts';
import { OrderTypeCodeTaken } from '../domain/service-request.errors.ts';
import { orderTypes } from './schema.ts';

type Row = typeof orderTypes.$inferSelect;

const toOrderType = (row: Row): OrderType => ({
  id: row.id,
  code: row.code,
  name: row.name,
  kind: row.kind,
  skill: row.skill,
  basePrice: { amount: row.basePriceMinor, currency: row.currency },
  hourlyRate: row.hourlyRateMinor === null ? null : { amount: row.hourlyRateMinor, currency: row.currency },
  estimatedHours: row.estimatedHours,
  materials: row.materials,
  active: row.active,
  builtIn: row.builtIn,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

const toRow = (t: OrderType) => ({
  id: t.id,
  code: t.code,
  name: t.name,
  kind: t.kind,
  skill: t.skill,
  basePriceMinor: t.basePrice.amount,
  hourlyRateMinor: t.hourlyRate?.amount ?? null,
  currency: t.basePrice.currency,
  estimatedHours: t.estimatedHours,
  materials: t.materials,
  active: t.active,
  builtIn: t.builtIn,
  createdAt: t.createdAt,
  updatedAt: t.updatedAt,
});

/** Every type, the built-in one first, then by name. */
export async function listOrderTypes(db: DbOrTx, options: { activeOnly: boolean }): Promise<OrderType[]> {
  const rows = await db
    .select()
    .from(orderTypes)
    .where(options.activeOnly ? eq(orderTypes.active, true) : undefined)
    .orderBy(sql`${orderTypes.builtIn} DESC`, asc(orderTypes.name));
  return rows.map(toOrderType);
}

export async function findOrderType(db: DbOrTx, id: string, lock = false): Promise<OrderType | undefined> {
  const query = db.select().from(orderTypes).where(eq(orderTypes.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row ? toOrderType(row) : undefined;
}

/** Inserts a type; a code already used is a 409. */
export async function insertOrderType(db: DbOrTx, type: OrderType): Promise<void> {
  try {
    await db.insert(orderTypes).values(toRow(type));
  } catch (error) {
    if (isUniqueViolation(error, 'order_types_code_key')) throw OrderTypeCodeTaken(type.code);
    throw error;
  }
}

/** Writes a changed type back; a code already used by another is a 409. */
export async function saveOrderType(tx: Tx, type: OrderType): Promise<void> {
  try {
    await tx.update(orderTypes).set(toRow(type)).where(eq(orderTypes.id, type.id));
  } catch (error) {
    if (isUniqueViolation(error, 'order_types_code_key')) throw OrderTypeCodeTaken(type.code);
    throw error;
  }
}

/** Inserts the type unless its code exists (demo data): true when it was new. */
export async function insertOrderTypeIfNew(db: DbOrTx, type: OrderType): Promise<boolean> {
  const rows = await db.insert(orderTypes).values(toRow(type)).onConflictDoNothing().returning({ id: orderTypes.id });
  return rows.length > 0;
}
