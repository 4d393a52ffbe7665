import { pgSchema } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './db/database.ts';
import { idempotencyTable } from './db/platform-tables.ts';
import { runIdempotent } from './idempotency.ts';
import { openTestDatabase } from './testing.ts';

const table = idempotencyTable(pgSchema('idem_test'));
let database: Database;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ database, dispose } = await openTestDatabase());
  await database.exec(`CREATE SCHEMA idem_test; CREATE TABLE idem_test.idempotency_keys (
    scope text NOT NULL, key text NOT NULL, request_hash text NOT NULL, status integer, response jsonb,
    created_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (scope, key))`);
});
afterAll(() => dispose?.());

describe('runIdempotent', () => {
  it('runs the work once and replays its response for the same key and body', async () => {
    let runs = 0;
    const work = async () => ({ status: 201, body: { n: ++runs } });
    const first = await runIdempotent(database.db, table, { scope: 's', key: 'k1', body: { a: 1 } }, work);
    const again = await runIdempotent(database.db, table, { scope: 's', key: 'k1', body: { a: 1 } }, work);
    expect(first).toEqual({ status: 201, body: { n: 1 }, replayed: false });
    expect(again).toEqual({ status: 201, body: { n: 1 }, replayed: true });
    expect(runs).toBe(1);
  });

  it('refuses the same key with another body (422) and lets a failed first call be retried', async () => {
    await runIdempotent(database.db, table, { scope: 's', key: 'k2', body: { a: 1 } }, async () => ({ status: 200, body: {} }));
    await expect(
      runIdempotent(database.db, table, { scope: 's', key: 'k2', body: { a: 2 } }, async () => ({ status: 200, body: {} })),
    ).rejects.toMatchObject({ status: 422, code: 'idempotency.key_reused' });
    await expect(
      runIdempotent(database.db, table, { scope: 's', key: 'k3', body: {} }, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const retried = await runIdempotent(database.db, table, { scope: 's', key: 'k3', body: {} }, async () => ({ status: 200, body: 'ok' }));
    expect(retried.replayed).toBe(false);
  });
});
