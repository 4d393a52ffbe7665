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

const CHUNK = 1_000;
const TIMES = Object.values(TIME_COLUMNS).map((key) => orders[key as keyof typeof orders] as unknown as { name: string });

/**
 * Rows for orders not seen yet, left as they are where they exist. Folding locks them next: two
 * concurrent folds of a new order's events (over a broker they arrive together) then take turns
 * instead of each starting from nothing and overwriting the other.
 */
export const ensureFacts = (tx: DbOrTx, facts: OrderFacts[]) => writeFacts(tx, facts, false);

/** Upserts facts. */
export const saveFacts = (tx: DbOrTx, facts: OrderFacts[]) => writeFacts(tx, facts, true);

/** Each chunk goes as one JSON parameter that PostgreSQL unpacks. */
async function writeFacts(tx: DbOrTx, facts: OrderFacts[], update: boolean): Promise<void> {
  const all = facts.map(rowOf).sort((a, b) => (a.orderId < b.orderId ? -1 : 1));
  const times = sql.raw(TIMES.map((c) => `"${c.name}"`).join(', '));
  const timesTyped = sql.raw(TIMES.map((c) => `"${c.name}" timestamptz`).join(', '));
  const timesSet = sql.raw(TIMES.map((c) => `"${c.name}" = excluded."${c.name}"`).join(', '));
  for (let i = 0; i < all.length; i += CHUNK) {
    const rows = all.slice(i, i + CHUNK).map((r) => {
      const json: Record<string, unknown> = {
        order_id: r.orderId,
        number: r.number,
        order_type: r.orderType,
        currency: r.currency,
        exchange_rate: r.exchangeRate,
        total_minor: r.totalMinor,
        refunded_minor: r.refundedMinor,
        lines: r.lines,
      };
      for (const key of Object.values(TIME_COLUMNS)) {
        json[(orders[key as keyof typeof orders] as unknown as { name: string }).name] = (r[key] as Date | null)?.toISOString() ?? null;
      }
      return json;
    });
    await tx.execute(sql`
      INSERT INTO ${orders} (order_id, number, order_type, currency, exchange_rate, total_minor, refunded_minor, lines, ${times})
      SELECT order_id, number, order_type, currency, exchange_rate, total_minor, refunded_minor, lines, ${times}
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(order_id uuid, number text, order_type text, currency char(3),
        exchange_rate text, total_minor bigint, refunded_minor bigint, lines jsonb, ${timesTyped})
      ON CONFLICT (order_id) ${
        update
          ? sql`DO UPDATE SET number = excluded.number, order_type = excluded.order_type, currency = excluded.currency,
        exchange_rate = excluded.exchange_rate, total_minor = excluded.total_minor, refunded_minor = excluded.refunded_minor,
        lines = excluded.lines, ${timesSet}`
          : sql`DO NOTHING`
      }`);
  }
}
