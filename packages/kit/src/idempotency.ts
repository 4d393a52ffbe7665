import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from './db/database.ts';
import type { IdempotencyTable } from './db/platform-tables.ts';
import { perTable, placeholderFor, reusableQuery } from './db/reusable-query.ts';
import { DomainError } from './errors.ts';

export interface StoredResponse<T> {
  status: number;
  body: T;
  /** True when this is the stored answer to an earlier request with the same key. */
  replayed: boolean;
}

/** Stable hash of a request body, so a key reused for a different request is caught. */
export const hashRequest = (value: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(value ?? null))
    .digest('hex');

/** A repeat of a request that is still being processed. */
export const IdempotencyInProgress = () =>
  new DomainError('idempotency.in_progress', 409, 'A request with this Idempotency-Key is being processed');
/** The key came with another request body. */
export const IdempotencyKeyReused = () =>
  new DomainError('idempotency.key_reused', 422, 'This Idempotency-Key was used for a different request');

const claimKey = perTable('claim', (table: IdempotencyTable, name) =>
  reusableQuery(name, (db) =>
    db
      .insert(table)
      .values({ scope: sql.placeholder('scope'), key: sql.placeholder('key'), requestHash: sql.placeholder('requestHash') })
      .onConflictDoNothing()
      .returning({ key: table.key }),
  ),
);

const storeResponse = perTable('store', (table: IdempotencyTable, name) =>
  reusableQuery(name, (db) =>
    db
      .update(table)
      .set({ status: placeholderFor<number>('status'), response: placeholderFor<object>('response') })
      .where(and(eq(table.scope, sql.placeholder('scope')), eq(table.key, sql.placeholder('key')))),
  ),
);

/**
 * Runs `work` once per (scope, key): the first call's response is stored and every repeat gets
 * it back. A repeat while the first is still running is 409; the same key with another body is 422.
 * A failed first call stores nothing, so the client may retry it.
 */
export async function runIdempotent<T>(
  db: Db,
  table: IdempotencyTable,
  request: { scope: string; key: string; body: unknown },
  work: () => Promise<{ status: number; body: T }>,
): Promise<StoredResponse<T>> {
  const requestHash = hashRequest(request.body);
  const claimed = await claimKey(table)(db, { scope: request.scope, key: request.key, requestHash });
  if (claimed.length === 0) {
    const [existing] = await db
      .select()
      .from(table)
      .where(and(eq(table.scope, request.scope), eq(table.key, request.key)));
    if (!existing) throw IdempotencyInProgress();
    if (existing.requestHash !== requestHash) throw IdempotencyKeyReused();
    if (existing.status === null) throw IdempotencyInProgress();
    return { status: existing.status, body: existing.response as T, replayed: true };
  }
  const where = and(eq(table.scope, request.scope), eq(table.key, request.key));
  try {
    const result = await work();
    await storeResponse(table)(db, { scope: request.scope, key: request.key, status: result.status, response: result.body });
    return { ...result, replayed: false };
  } catch (error) {
    await db.delete(table).where(where);
    throw error;
  }
}
