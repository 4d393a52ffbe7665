import type { DbOrTx, Tx } from '@bazar/kit/db/database';
import { eq, sql } from 'drizzle-orm';
import type { RebuildStatus } from '../domain/rebuild-status.ts';
import { rebuilds } from './schema.ts';

/**
 * Holds off live folds (they archive first, and the archive is share-locked) and empties the read
 * models, all inside the rebuild's transaction: readers see the old figures until it commits.
 */
export async function startReplay(tx: Tx): Promise<void> {
  await tx.execute(sql`LOCK TABLE analytics.archive IN SHARE MODE`);
  await tx.execute(
    sql`TRUNCATE analytics.orders, analytics.totals, analytics.products, analytics.durations, analytics.worker_jobs, analytics.workers`,
  );
}

export async function insertRebuild(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db.insert(rebuilds).values({ id, status: 'running', startedAt: at });
}

export async function finishRebuild(
  db: DbOrTx,
  id: string,
  status: RebuildStatus,
  events: number,
  at: Date,
  error: string | null,
): Promise<void> {
  await db.update(rebuilds).set({ status, events, finishedAt: at, error }).where(eq(rebuilds.id, id));
}
