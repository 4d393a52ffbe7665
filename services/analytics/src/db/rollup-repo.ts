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

/** Adds a batch's changes to the daily and monthly rollups. */
export async function applyRollupDelta(tx: DbOrTx, delta: RollupDelta): Promise<void> {
  await inChunks(delta.totals, (rows) =>
    tx
      .insert(totals)
      .values(rows)
      .onConflictDoUpdate({
        target: [totals.grain, totals.period, totals.orderType],
        set: adding('totals', {
          orders: totals.orders,
          kept: totals.kept,
          cancelled: totals.cancelled,
          grossMinor: totals.grossMinor,
          refundsMinor: totals.refundsMinor,
        }),
      }),
  );
  await inChunks(delta.products, (rows) =>
    tx
      .insert(products)
      .values(rows)
      .onConflictDoUpdate({
        target: [products.grain, products.period, products.sku],
        set: { ...adding('products', { units: products.units, revenueMinor: products.revenueMinor }), title: sql.raw('excluded."title"') },
      }),
  );
  await inChunks(delta.durations, (rows) =>
    tx
      .insert(durations)
      .values(rows)
      .onConflictDoUpdate({
        target: [durations.grain, durations.period, durations.metric, durations.bucket],
        set: adding('durations', { count: durations.count }),
      }),
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
