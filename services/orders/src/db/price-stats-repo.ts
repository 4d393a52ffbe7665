import type { DbOrTx } from '@bazar/kit/db/database';
import { and, gte, inArray, sql } from 'drizzle-orm';
import { orderRows } from './schema.ts';

const PAID = ['paid', 'picking', 'packed', 'shipped', 'delivered'];

/** Totals of goods orders paid (and not cancelled or refunded) since `since`, in the store currency at each order's rate. */
export async function paidGoodsAmounts(db: DbOrTx, since: Date): Promise<number[]> {
  const rows = await db
    .select({ amount: sql<string>`round(${orderRows.totalMinor} / ${orderRows.exchangeRate}::numeric)` })
    .from(orderRows)
    .where(and(inArray(orderRows.status, PAID), gte(orderRows.createdAt, since)));
  return rows.map((r) => Number(r.amount));
}
