import type { DbOrTx } from '@bazar/kit/db/database';
import { inArray, sql } from 'drizzle-orm';
import type { OrderFacts, TimedStatus } from '../domain/order-facts.ts';
import { orders } from './schema.ts';

type OrderRow = typeof orders.$inferSelect;

const TIME_COLUMNS: Record<TimedStatus, keyof OrderRow> = {
  awaiting_payment: 'placedAt',
  paid: 'paidAt',
  picking: 'pickingAt',
  packed: 'packedAt',
  shipped: 'shippedAt',
  delivered: 'deliveredAt',
  cancelled: 'cancelledAt',
  refunded: 'refundedAt',
};
const STATUSES = Object.keys(TIME_COLUMNS) as TimedStatus[];

export function factsOf(row: OrderRow): OrderFacts {
  const times: OrderFacts['times'] = {};
  for (const status of STATUSES) {
    const at = row[TIME_COLUMNS[status]] as Date | null;
    if (at) times[status] = at.toISOString();
  }
  return {
    orderId: row.orderId,
    number: row.number,
    orderType: row.orderType,
    currency: row.currency,
    exchangeRate: row.exchangeRate,
    totalMinor: row.totalMinor,
    refundedMinor: row.refundedMinor,
    lines: row.lines,
    times,
  };
}

function rowOf(facts: OrderFacts): OrderRow {
  const row = {
    orderId: facts.orderId,
    number: facts.number,
    orderType: facts.orderType,
    currency: facts.currency,
    exchangeRate: facts.exchangeRate,
    totalMinor: facts.totalMinor,
    refundedMinor: facts.refundedMinor,
    lines: facts.lines,
  } as OrderRow;
  for (const status of STATUSES) {
    const at = facts.times[status];
    (row as Record<string, unknown>)[TIME_COLUMNS[status]] = at ? new Date(at) : null;
  }
  return row;
}

/** The facts of these orders, locked until the transaction ends so two folds of one order take turns. */
export async function lockFacts(tx: DbOrTx, orderIds: string[]): Promise<Map<string, OrderFacts>> {
  if (orderIds.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(orders)
    .where(inArray(orders.orderId, [...orderIds].sort()))
    .for('update');
  return new Map(rows.map((r) => [r.orderId, factsOf(r)]));
}

const CHUNK = 500;

export async function saveFacts(tx: DbOrTx, facts: OrderFacts[]): Promise<void> {
  const all = facts.map(rowOf).sort((a, b) => (a.orderId < b.orderId ? -1 : 1));
  for (let i = 0; i < all.length; i += CHUNK) {
    const rows = all.slice(i, i + CHUNK);
    const set = Object.fromEntries(
      Object.entries(orders)
        .filter(([key, column]) => key !== 'orderId' && typeof column === 'object' && column !== null && 'name' in column)
        .map(([key, column]) => [key, sql.raw(`excluded."${(column as { name: string }).name}"`)]),
    );
    await tx.insert(orders).values(rows).onConflictDoUpdate({ target: orders.orderId, set });
  }
}
