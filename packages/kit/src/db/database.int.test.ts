import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPostgresDatabase, openTestDatabase, testEngine } from '../testing.ts';
import { type Database, openConfiguredDatabase } from './database.ts';

let database: Database;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ database, dispose } = await openTestDatabase());
  await database.exec('CREATE SCHEMA db_test; CREATE TABLE db_test.notes (id integer PRIMARY KEY, body text NOT NULL)');
});
afterAll(() => dispose?.());

describe('the database handle', () => {
  it('runs parameterised statements and raw scripts on either engine', async () => {
    await database.query('INSERT INTO db_test.notes (id, body) VALUES ($1, $2)', [1, 'first']);
    expect(await database.query('SELECT body FROM db_test.notes WHERE id = $1', [1])).toEqual([{ body: 'first' }]);
    expect(await database.exec('SELECT 1 AS a; SELECT 2 AS b')).toEqual([{ b: 2 }]);
  });

  it('runs a script in one go, answering each statement’s rows, and leaves no failed transaction behind', async () => {
    expect(
      await database.script("BEGIN; SET LOCAL enable_bitmapscan = off; SELECT current_setting('enable_bitmapscan') AS v; COMMIT"),
    ).toEqual([[], [], [{ v: 'off' }], []]);
    expect(await database.query("SELECT current_setting('enable_bitmapscan') AS v")).toEqual([{ v: 'on' }]);
    await expect(database.script('BEGIN; SELECT 1/0; COMMIT')).rejects.toThrow();
    for (let i = 0; i < 12; i++) expect(await database.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  // A pool exists on PostgreSQL only (this part runs in the postgres project).
  if (testEngine() === 'postgres')
    it('opens as many connections as DATABASE_POOL_SIZE says, and no more', async () => {
      const created = await createTestPostgresDatabase();
      const pooled = await openConfiguredDatabase({ DATABASE_URL: created.url, DATABASE_POOL_SIZE: 2, BAZAR_DATA_DIR: '' });
      try {
        const backends = () =>
          pooled.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database()');
        const waits = Array.from({ length: 4 }, () => pooled.query('SELECT pg_sleep(0.05)'));
        const [during] = await backends();
        await Promise.all(waits);
        // The two sleeping connections; the count itself waited for one of them.
        expect(during?.n).toBe(2);
      } finally {
        await pooled.close();
        await created.drop();
      }
    });

  // Server-side prepared statements exist on PostgreSQL only (this part runs in the postgres project).
  if (testEngine() === 'postgres')
    it('prepares parameterised writes once per connection on PostgreSQL, and leaves reads unnamed', async () => {
      const prepared = await database.withSession(async (session) => {
        await session.query('INSERT INTO db_test.notes (id, body) VALUES ($1, $2)', [2, 'second']);
        await session.query('UPDATE db_test.notes SET body = $2 WHERE id = $1', [2, 'changed']);
        await session.query('UPDATE db_test.notes SET body = $2 WHERE id = $1', [2, 'changed again']);
        await session.query('SELECT body FROM db_test.notes WHERE id = $1', [2]);
        return session.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements ORDER BY statement');
      });
      expect(prepared.map((p) => p.statement)).toEqual([
        'INSERT INTO db_test.notes (id, body) VALUES ($1, $2)',
        'UPDATE db_test.notes SET body = $2 WHERE id = $1',
      ]);
    });

  // A lost connection exists on PostgreSQL only (this part runs in the postgres project).
  if (testEngine() === 'postgres')
    it('fails the transaction whose connection is cut, and keeps serving on a fresh one', async () => {
      const created = await createTestPostgresDatabase();
      const pooled = await openConfiguredDatabase({ DATABASE_URL: created.url, DATABASE_POOL_SIZE: 2, BAZAR_DATA_DIR: '' });
      try {
        const inFlight = pooled.db.transaction(async (tx) => {
          await tx.execute(sql`SELECT 1`);
          await tx.execute(sql`SELECT pg_sleep(5)`);
        });
        const settled = inFlight.then(
          () => 'committed',
          () => 'failed',
        );
        await new Promise((r) => setTimeout(r, 300));
        // The checked-out client sees its connection end mid-query, as when the database restarts.
        await database.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND query LIKE '%pg_sleep(5)%' AND pid <> pg_backend_pid()`,
          [new URL(created.url).pathname.slice(1)],
        );
        expect(await settled).toBe('failed');
        // The error event after the failed query must not be an uncaught one either.
        await new Promise((r) => setTimeout(r, 200));
        expect(await pooled.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
      } finally {
        await pooled.close();
        await created.drop();
      }
    });
});
