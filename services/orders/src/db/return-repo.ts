import type { DbOrTx, Tx } from '@bazar/kit/db/database';
import { money } from '@bazar/kit/money';
import { and, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import { formatOrderNumber } from '../domain/order.ts';
import type { OrderReturn, ReturnStatus } from '../domain/return.ts';
import { orderRows, returns } from './schema.ts';

type ReturnRow = typeof returns.$inferSelect;

/** Rows ⇄ aggregate; the order number is the caller's (it lives on the order). */
export const toReturn = (row: ReturnRow, orderNumber: string): OrderReturn => ({
  id: row.id,
  orderId: row.orderId,
  orderNumber,
  customerId: row.customerId,
  status: row.status as ReturnStatus,
  reason: row.reason,
  lines: row.lines,
  received: row.received,
  refund: row.refundMinor === null ? null : money(row.refundMinor, row.currency),
  decisionNote: row.decisionNote,
  createdAt: row.createdAt,
});

export async function findReturnRow(db: DbOrTx, id: string, lock = false): Promise<ReturnRow | undefined> {
  const query = db.select().from(returns).where(eq(returns.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function returnsOfOrder(db: DbOrTx, orderId: string): Promise<ReturnRow[]> {
  return db.select().from(returns).where(eq(returns.orderId, orderId));
}

export async function insertReturn(tx: Tx, r: OrderReturn, currency: string): Promise<void> {
  await tx.insert(returns).values({
    id: r.id,
    orderId: r.orderId,
    customerId: r.customerId,
    status: r.status,
    reason: r.reason,
    lines: r.lines,
    currency,
    createdAt: r.createdAt,
    updatedAt: r.createdAt,
  });
}

export async function saveReturn(tx: Tx, r: OrderReturn, by: { actorId: string | null; at: Date }): Promise<void> {
  await tx
    .update(returns)
    .set({
      status: r.status,
      received: r.received,
      refundMinor: r.refund?.amount ?? null,
      decisionNote: r.decisionNote,
      decidedBy: by.actorId,
      updatedAt: by.at,
    })
    .where(eq(returns.id, r.id));
}

/** Newest first, keyset-paged by id. */
export async function listReturnRows(db: DbOrTx, filter: { customerId?: string; status?: string; before?: string; limit: number }) {
  const where: SQL[] = [];
  if (filter.customerId) where.push(eq(returns.customerId, filter.customerId));
  if (filter.status) where.push(eq(returns.status, filter.status));
  if (filter.before) where.push(lt(returns.id, filter.before));
  return db
    .select()
    .from(returns)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(returns.id))
    .limit(filter.limit + 1);
}

/** The numbers of some orders, by id. */
export async function orderNumbers(db: DbOrTx, orderIds: string[]): Promise<Map<string, string>> {
  if (orderIds.length === 0) return new Map();
  const rows = await db.select({ id: orderRows.id, seq: orderRows.numberSeq }).from(orderRows).where(inArray(orderRows.id, orderIds));
  return new Map(rows.map((r) => [r.id, formatOrderNumber(r.seq)]));
}
