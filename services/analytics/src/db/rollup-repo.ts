import type { DbOrTx } from '@bazar/kit/db/database';
import { sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { RollupDelta } from '../domain/rollup-delta.ts';
import type { WorkerJob } from '../domain/worker-job.ts';
import { durations, products, totals, workers } from './schema.ts';

const CHUNK = 1_000;
/** `column = column + excluded.column`: rollups only ever add. */
const adding = (table: string, columns: Record<string, PgColumn>) =>
  Object.fromEntries(Object.entries(columns).map(([key, c]) => [key, sql.raw(`"${table}"."${c.name}" + excluded."${c.name}"`)]));

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

/**
 * Adds a batch's changes to the daily and monthly rollups. Each table's rows go as one JSON
 * parameter that PostgreSQL unpacks (`jsonb_to_recordset`): building thousands of bound values
 * cost more than the upsert itself (decision 0028).
 */
export async function applyRollupDelta(tx: DbOrTx, delta: RollupDelta): Promise<void> {
  await inChunks(delta.totals, (rows) =>
    tx.execute(sql`
      INSERT INTO ${totals} (grain, period, order_type, orders, kept, cancelled, gross_minor, refunds_minor)
      SELECT r.grain, r.period, r."orderType", r.orders, r.kept, r.cancelled, r."grossMinor", r."refundsMinor"
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(grain text, period date, "orderType" text, orders int, kept int,
        cancelled int, "grossMinor" bigint, "refundsMinor" bigint)
      ON CONFLICT (grain, period, order_type) DO UPDATE SET
        orders = totals.orders + excluded.orders, kept = totals.kept + excluded.kept, cancelled = totals.cancelled + excluded.cancelled,
        gross_minor = totals.gross_minor + excluded.gross_minor, refunds_minor = totals.refunds_minor + excluded.refunds_minor`),
  );
  await inChunks(delta.products, (rows) =>
    tx.execute(sql`
      INSERT INTO ${products} (grain, period, sku, title, units, revenue_minor)
      SELECT r.grain, r.period, r.sku, r.title, r.units, r."revenueMinor"
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(grain text, period date, sku text, title text, units int, "revenueMinor" bigint)
      ON CONFLICT (grain, period, sku) DO UPDATE SET
        title = excluded.title, units = products.units + excluded.units, revenue_minor = products.revenue_minor + excluded.revenue_minor`),
  );
  await inChunks(delta.durations, (rows) =>
    tx.execute(sql`
      INSERT INTO ${durations} (grain, period, metric, bucket, count)
      SELECT r.grain, r.period, r.metric, r.bucket, r.count
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(grain text, period date, metric text, bucket int, count int)
      ON CONFLICT (grain, period, metric, bucket) DO UPDATE SET count = durations.count + excluded.count`),
  );
}

/** Adds newly recorded jobs to the per-worker rollups. */
export async function addWorkerJobs(
  tx: DbOrTx,
  rows: { grain: string; period: string; role: WorkerJob['role']; workerId: string; jobs: number; seconds: number; units: number }[],
): Promise<void> {
  await inChunks(rows, (chunk) =>
    tx
      .insert(workers)
      .values(chunk)
      .onConflictDoUpdate({
        target: [workers.grain, workers.period, workers.role, workers.workerId],
        set: adding('workers', { jobs: workers.jobs, seconds: workers.seconds, units: workers.units }),
      }),
  );
}
