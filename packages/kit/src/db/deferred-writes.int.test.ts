import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaleWrite } from '../errors.ts';
import { openTestDatabase } from '../testing.ts';
import type { Database } from './database.ts';
import { deferWrite, sendLast, withDeferredWrites } from './deferred-writes.ts';

// What node-postgres sends, recorded while `sent` is an array (patched before any connection exists).
let sent: string[] | undefined;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(pg.Client.prototype as { query: unknown }).query = function (this: pg.Client, ...args: unknown[]) {
  const first = args[0] as string | { text?: string };
  sent?.push((typeof first === 'string' ? first : (first?.text ?? '')).slice(0, 30));
  return query.apply(this, args);
};
async function recording(work: () => Promise<unknown>) {
  sent = [];
  try {
    await work().catch(() => undefined);
    return sent;
  } finally {
    sent = undefined;
  }
}

let database: Database;
let dispose: () => Promise<void>;
const count = async (table: string) => (await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM deferred_test.${table}`))[0]?.n;

beforeAll(async () => {
  ({ database, dispose } = await openTestDatabase());
  await database.exec(`CREATE SCHEMA deferred_test;
    CREATE TABLE deferred_test.entries (id integer PRIMARY KEY, status text NOT NULL DEFAULT 'open');
    CREATE TABLE deferred_test.lines (entry_id integer NOT NULL REFERENCES deferred_test.entries (id), amount integer NOT NULL)`);
});
afterAll(() => dispose?.());

const insertEntry = (id: number) => ({ sql: 'INSERT INTO deferred_test.entries (id) VALUES ($1)', params: [id] });
const insertLine = (entryId: number, amount: number) => ({
  sql: 'INSERT INTO deferred_test.lines (entry_id, amount) VALUES ($1, $2)',
  params: [entryId, amount],
});

describe('deferred writes', () => {
  it('sends the queued writes as one statement at the end, where a row may reference one inserted beside it', async () => {
    await database.db.transaction((tx) =>
      withDeferredWrites(tx, async () => {
        await deferWrite(tx, insertEntry(1));
        await deferWrite(tx, insertLine(1, 10));
        await deferWrite(tx, insertLine(1, 20));
        // Not sent yet: the transaction itself does not see them.
        expect(((await tx.execute('SELECT count(*)::int AS n FROM deferred_test.entries')) as { rows: unknown[] }).rows[0]).toEqual({
          n: 0,
        });
      }),
    );
    expect(await count('entries')).toBe(1);
    expect(await count('lines')).toBe(2);
  });

  it('takes them back with the transaction, and fails it when one of them breaks a rule', async () => {
    await expect(
      database.db.transaction((tx) =>
        withDeferredWrites(tx, async () => {
          await deferWrite(tx, insertEntry(2));
          throw new Error('changed my mind');
        }),
      ),
    ).rejects.toThrow('changed my mind');
    await expect(
      database.db.transaction((tx) =>
        withDeferredWrites(tx, async () => {
          await deferWrite(tx, insertEntry(3));
          await deferWrite(tx, insertLine(99, 1));
        }),
      ),
    ).rejects.toThrow();
    expect(await count('entries')).toBe(1);
  });

  it('runs a write at once where nothing collects them', async () => {
    await database.db.transaction(async (tx) => {
      await deferWrite(tx, insertEntry(4));
      expect(
        ((await tx.execute('SELECT count(*)::int AS n FROM deferred_test.entries WHERE id = 4')) as { rows: unknown[] }).rows[0],
      ).toEqual({
        n: 1,
      });
    });
  });

  it('stores a compare-and-set and what came with it when the row is as read, and nothing when it changed', async () => {
    const close = (id: number, from: string) => ({
      sql: "UPDATE deferred_test.entries SET status = 'closed' WHERE id = $1 AND status = $2",
      params: [id, from],
    });
    await database.db.transaction((tx) =>
      withDeferredWrites(tx, async () => {
        await deferWrite(tx, close(1, 'open'), { expectRows: 1 });
        await deferWrite(tx, insertLine(1, 30));
      }),
    );
    expect(await database.query('SELECT status FROM deferred_test.entries WHERE id = 1')).toEqual([{ status: 'closed' }]);
    expect(await count('lines')).toBe(3);

    const stale = database.db.transaction((tx) =>
      withDeferredWrites(tx, async () => {
        await deferWrite(tx, insertEntry(5));
        await deferWrite(tx, close(1, 'open'), { expectRows: 1 });
        await deferWrite(tx, insertLine(1, 40));
      }),
    );
    await expect(stale).rejects.toBeInstanceOf(StaleWrite);
    expect(await count('entries')).toBe(2);
    expect(await count('lines')).toBe(3);
    // Outside a transaction it is checked all the same.
    await expect(deferWrite(database.db, close(1, 'open'), { expectRows: 1 })).rejects.toBeInstanceOf(StaleWrite);
  });

  it('answers the rows of the statement that ends a unit, sending queued writes before it', async () => {
    const rows = await database.db.transaction((tx) =>
      withDeferredWrites(tx, async () => {
        await deferWrite(tx, insertEntry(20));
        return sendLast<{ id: number }>(
          tx,
          sql`INSERT INTO deferred_test.lines (entry_id, amount) VALUES (20, 5) RETURNING entry_id AS id`,
        );
      }),
    );
    expect(rows).toEqual([{ id: 20 }]);
    expect(await count('lines')).toBe(4);
    await expect(
      database.db.transaction((tx) =>
        withDeferredWrites(tx, async () => {
          await sendLast(tx, sql`INSERT INTO deferred_test.entries (id) VALUES (21)`);
          await deferWrite(tx, insertLine(21, 1));
        }),
      ),
    ).rejects.toThrow('after the last statement');
  });

  // What goes over the wire is node-postgres' business (this part runs in the postgres project).
  if (process.env.BAZAR_TEST_DB === 'postgres')
    it('sends a unit of deferred writes alone as one statement, without BEGIN and COMMIT, and begins before any other', async () => {
      expect(
        await recording(() =>
          database.db.transaction((tx) =>
            withDeferredWrites(tx, async () => {
              await deferWrite(tx, insertEntry(6));
              await deferWrite(tx, insertLine(6, 1));
            }),
          ),
        ),
      ).toEqual(['WITH w0 AS (INSERT INTO deferr']);
      expect(await recording(() => database.db.transaction(async () => {}))).toEqual([]);
      expect(
        await recording(() =>
          database.db.transaction((tx) =>
            withDeferredWrites(tx, async () => {
              await tx.execute('SELECT 1');
              await deferWrite(tx, insertEntry(7));
            }),
          ),
        ),
      ).toEqual(['begin', 'SELECT 1', 'INSERT INTO deferred_test.entr', 'commit']);
      expect(
        await recording(() =>
          database.db.transaction((tx) =>
            withDeferredWrites(tx, () => sendLast(tx, sql`UPDATE deferred_test.entries SET status = 'x' WHERE id = 7`)),
          ),
        ),
      ).toEqual(['UPDATE deferred_test.entries S']);
      // A failing lone statement leaves nothing open behind it: the next unit runs normally.
      expect(
        await recording(() => database.db.transaction((tx) => withDeferredWrites(tx, () => deferWrite(tx, insertLine(99, 1))))),
      ).toEqual(['INSERT INTO deferred_test.line']);
      expect(await database.query('SELECT id FROM deferred_test.entries WHERE id IN (6, 7) ORDER BY id')).toEqual([{ id: 6 }, { id: 7 }]);
      await expect(
        database.db.transaction(async (tx) => {
          await withDeferredWrites(tx, () => deferWrite(tx, insertEntry(8)));
          await tx.execute('SELECT 1');
        }),
      ).rejects.toHaveProperty('cause.message', expect.stringContaining('after the last one'));
    });
});
