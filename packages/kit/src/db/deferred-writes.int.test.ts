import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing.ts';
import type { Database } from './database.ts';
import { deferWrite, withDeferredWrites } from './deferred-writes.ts';

let database: Database;
let dispose: () => Promise<void>;
const count = async (table: string) => (await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM deferred_test.${table}`))[0]?.n;

beforeAll(async () => {
  ({ database, dispose } = await openTestDatabase());
  await database.exec(`CREATE SCHEMA deferred_test;
    CREATE TABLE deferred_test.entries (id integer PRIMARY KEY);
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
});
