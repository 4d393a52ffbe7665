import type { DbOrTx } from '@bazar/kit/db/database';
import { and, between, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Period } from '../domain/period.ts';
import type { TotalsRow } from '../domain/summary.ts';
import { durations, products, totals, workers } from './schema.ts';

/** Rows of whole months from the monthly rollups and of the loose days from the daily ones. */
function coveringRows(grain: PgColumn, period: PgColumn, split: { months: Period | null; days: Period[] }): SQL {
  const parts: SQL[] = split.days.map((d) => and(eq(grain, 'day'), between(period, d.from, d.to)) as SQL);
  if (split.months) parts.push(and(eq(grain, 'month'), between(period, split.months.from, split.months.to)) as SQL);
  return parts.length === 1 ? (parts[0] as SQL) : (or(...parts) as SQL);
}

export async function dailyTotals(db: DbOrTx, period: Period): Promise<TotalsRow[]> {
  return db
    .select({
      day: totals.period,
      orderType: totals.orderType,
      orders: totals.orders,
      kept: totals.kept,
      cancelled: totals.cancelled,
      grossMinor: totals.grossMinor,
      refundsMinor: totals.refundsMinor,
    })
    .from(totals)
    .where(and(eq(totals.grain, 'day'), between(totals.period, period.from, period.to)));
}

export async function topProducts(db: DbOrTx, split: { months: Period | null; days: Period[] }, limit: number) {
  const units = sql<number>`sum(${products.units})::int`;
  const revenue = sql<number>`sum(${products.revenueMinor})::bigint`;
  const rows = await db
    .select({ sku: products.sku, title: sql<string>`max(${products.title})`, units, revenueMinor: revenue })
    .from(products)
    .where(coveringRows(products.grain, products.period, split))
    .groupBy(products.sku)
    .having(sql`sum(${products.units}) > 0`)
    .orderBy(desc(units), desc(revenue), products.sku)
    .limit(limit);
  return rows.map((r) => ({ ...r, units: Number(r.units), revenueMinor: Number(r.revenueMinor) }));
}

export async function durationBuckets(db: DbOrTx, split: { months: Period | null; days: Period[] }) {
  const rows = await db
    .select({ metric: durations.metric, bucket: durations.bucket, count: sql<number>`sum(${durations.count})::int` })
    .from(durations)
    .where(coveringRows(durations.grain, durations.period, split))
    .groupBy(durations.metric, durations.bucket);
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

export async function workerTotals(db: DbOrTx, split: { months: Period | null; days: Period[] }, limit: number) {
  const jobs = sql<number>`sum(${workers.jobs})::int`;
  const rows = await db
    .select({
      role: workers.role,
      workerId: workers.workerId,
      jobs,
      seconds: sql<number>`sum(${workers.seconds})::bigint`,
      units: sql<number>`sum(${workers.units})::int`,
    })
    .from(workers)
    .where(coveringRows(workers.grain, workers.period, split))
    .groupBy(workers.role, workers.workerId)
    .orderBy(desc(jobs), workers.workerId)
    .limit(limit);
  return rows.map((r) => ({ ...r, jobs: Number(r.jobs), seconds: Number(r.seconds), units: Number(r.units) }));
}
