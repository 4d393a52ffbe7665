import { eq, inArray, sql } from 'drizzle-orm';
import { integer, jsonb, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testEngine } from '../testing.ts';
import type { Database } from './database.ts';
import { deferWrite, sendLast, withDeferredWrites } from './deferred-writes.ts';
import { placeholderFor, reusableInsertRows, reusableQuery, reusableQueryByKeys, reusableSql } from './reusable-query.ts';

const schema = pgSchema('reusable_test');
const things = schema.table('things', {
  id: text('id').primaryKey(),
  count: integer('count').notNull(),
  meta: jsonb('meta').$type<{ tags: string[] }>().notNull(),
  seenAt: timestamp('seen_at', { withTimezone: true, mode: 'date' }).notNull(),
  doneAt: timestamp('done_at', { withTimezone: true, mode: 'date' }),
});

const insertThing = reusableQuery('reusable_test.insert', (db) =>
  db
    .insert(things)
    .values({
      id: sql.placeholder('id'),
      count: sql.placeholder('count'),
      meta: sql.placeholder('meta'),
      seenAt: sql.placeholder('seenAt'),
    })
    .returning({ id: things.id }),
);
const findThing = reusableQuery('reusable_test.find', (db) =>
  db
    .select()
    .from(things)
    .where(eq(things.id, sql.placeholder('id'))),
);
const bump = reusableQuery('reusable_test.bump', (db) =>
  db
    .update(things)
    .set({ count: sql`${things.count} + 1` })
    .where(eq(things.id, sql.placeholder('id'))),
);

const markDone = reusableQuery('reusable_test.done', (db) =>
  db
    .update(things)
    .set({ doneAt: placeholderFor<Date | null>('doneAt') })
    .where(eq(things.id, sql.placeholder('id'))),
);

let database: Database;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ database, dispose } = await openTestDatabase());
  await database.exec(`CREATE SCHEMA reusable_test; CREATE TABLE reusable_test.things (
    id text PRIMARY KEY, count integer NOT NULL, meta jsonb NOT NULL, seen_at timestamptz NOT NULL, done_at timestamptz)`);
});
afterAll(() => dispose?.());

describe('reusableQuery', () => {
  it('runs the same built statement with new values, mapping columns, types and nulls both ways', async () => {
    const seenAt = new Date('2026-01-02T03:04:05.000Z');
    expect(await insertThing(database.db, { id: 'a', count: 1, meta: { tags: ['x'] }, seenAt })).toEqual([{ id: 'a' }]);
    expect(await insertThing(database.db, { id: 'b', count: 7, meta: { tags: [] }, seenAt })).toEqual([{ id: 'b' }]);
    expect(await findThing(database.db, { id: 'a' })).toEqual([{ id: 'a', count: 1, meta: { tags: ['x'] }, seenAt, doneAt: null }]);
    expect(await findThing(database.db, { id: 'b' })).toEqual([{ id: 'b', count: 7, meta: { tags: [] }, seenAt, doneAt: null }]);
    await markDone(database.db, { id: 'a', doneAt: seenAt });
    expect((await findThing(database.db, { id: 'a' }))[0]?.doneAt).toEqual(seenAt);
    await markDone(database.db, { id: 'a', doneAt: null });
    expect((await findThing(database.db, { id: 'a' }))[0]?.doneAt).toBeNull();
    expect(await findThing(database.db, { id: 'none' })).toEqual([]);
  });

  it('runs inside the transaction it is given: a rollback takes its writes back', async () => {
    await insertThing(database.db, { id: 'c', count: 0, meta: { tags: [] }, seenAt: new Date() });
    await expect(
      database.db.transaction(async (tx) => {
        await bump(tx, { id: 'c' });
        const [inside] = await findThing(tx, { id: 'c' });
        expect(inside?.count).toBe(1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const [after] = await findThing(database.db, { id: 'c' });
    expect(after?.count).toBe(0);
    await database.db.transaction(async (tx) => {
      await bump(tx, { id: 'c' });
      await bump(tx, { id: 'c' });
    });
    expect((await findThing(database.db, { id: 'c' }))[0]?.count).toBe(2);
  });

  it('refuses a call without a value for a placeholder', async () => {
    await expect(findThing(database.db, {} as { id: string })).rejects.toThrow(/placeholder "id"/);
  });
});

describe('reusableInsertRows', () => {
  const insertThings = reusableInsertRows('reusable_test.insert_rows', things, ['id', 'count', 'meta', 'seenAt', 'doneAt']);
  const rowsOf = (prefix: string, count: number, seenAt: Date) =>
    Array.from({ length: count }, (_, i) => ({
      id: `${prefix}-${i}`,
      count: i,
      meta: { tags: [String(i)] },
      seenAt,
      doneAt: i % 2 === 0 ? null : seenAt,
    }));
  const stored = async (prefix: string) =>
    (await database.db.select().from(things)).filter((row) => row.id.startsWith(`${prefix}-`)).sort((a, b) => a.count - b.count);

  it('inserts any number of rows, the same count reusing its statement, nulls and dates encoded', async () => {
    const seenAt = new Date('2026-03-04T05:06:07.000Z');
    for (const [prefix, count] of [
      ['one', 1],
      ['three', 3],
      ['three-again', 3],
      ['many', 20],
    ] as const) {
      await database.db.transaction((tx) =>
        withDeferredWrites(tx, () => deferWrite(tx, insertThings.statement(tx, rowsOf(prefix, count, seenAt)))),
      );
      expect(await stored(prefix)).toEqual(rowsOf(prefix, count, seenAt));
    }
    expect(insertThings.statement(database.db, rowsOf('x', 3, seenAt))).toMatchObject({
      sql: (insertThings.statement(database.db, rowsOf('y', 3, seenAt)) as { sql: string }).sql,
    });
  });
});

describe('reusableSql', () => {
  const countSince = reusableSql<{ since: Date; prefix: string }>(
    'things.count-since',
    () =>
      sql`SELECT count(*)::int AS n FROM ${things} WHERE ${things.seenAt} >= ${sql.placeholder('since')} AND ${things.id} LIKE ${sql.placeholder('prefix')}`,
  );

  it('fills its placeholders each time, and ends a unit of work through sendLast', async () => {
    const seenAt = new Date('2026-05-06T07:08:09.000Z');
    await insertThing(database.db, { id: 'sql-1', count: 0, meta: { tags: [] }, seenAt });
    const count = (since: Date, prefix: string) =>
      database.db.transaction((tx) => sendLast<{ n: number }>(tx, countSince.statement(tx, { since, prefix })));
    expect(await count(seenAt, 'sql-%')).toEqual([{ n: 1 }]);
    expect(await count(new Date(seenAt.getTime() + 1), 'sql-%')).toEqual([{ n: 0 }]);
    expect(await count(seenAt, 'none-%')).toEqual([{ n: 0 }]);
  });
});

describe('reusableQueryByKeys', () => {
  const thingsByIds = reusableQueryByKeys('reusable_test.by_ids', (db, ids) =>
    db
      .select({ id: things.id, count: things.count })
      .from(things)
      .where(inArray(things.id, ids as string[]))
      .orderBy(things.id),
  );

  it('reads by one key, several, and more than a statement is kept for', async () => {
    const at = new Date('2026-05-06T07:08:09.000Z');
    const ids = Array.from({ length: 20 }, (_, i) => `keyed-${String(i).padStart(2, '0')}`);
    for (const [i, id] of ids.entries()) await insertThing(database.db, { id, count: i, meta: { tags: [] }, seenAt: at });
    expect(await thingsByIds(database.db, ['keyed-03'])).toEqual([{ id: 'keyed-03', count: 3 }]);
    expect(await thingsByIds(database.db, ['keyed-05', 'keyed-01', 'missing'])).toEqual([
      { id: 'keyed-01', count: 1 },
      { id: 'keyed-05', count: 5 },
    ]);
    // Past the lengths kept, the statement is built with its values each time.
    expect((await thingsByIds(database.db, [...ids, 'missing'])).map((row) => row.count)).toEqual(ids.map((_, i) => i));
    // Lengths share nothing: a shorter list after a longer one reads only its keys.
    expect(await thingsByIds(database.db, ['keyed-19', 'keyed-00'])).toEqual([
      { id: 'keyed-00', count: 0 },
      { id: 'keyed-19', count: 19 },
    ]);
  });

  // Prepared statements are PostgreSQL's; PGlite's driver runs every statement unnamed.
  if (testEngine() === 'postgres') {
    it('settles on a generic plan, where a lookup by an array is planned on every call', async () => {
      const byArray = 'SELECT id FROM reusable_test.things WHERE id = ANY($1::text[])';
      // A transaction keeps every call on one connection, whose prepared statements it can then list.
      const plans = await database.db.transaction(async (tx) => {
        const client = (tx as unknown as { _: { session: { client: pg.ClientBase } } })._.session.client;
        for (let i = 0; i < 12; i++) {
          await thingsByIds(tx, [`keyed-0${i % 10}`]);
          await client.query({ name: 'reusable_test.by_id_array', text: byArray, values: [[`keyed-0${i % 10}`]] });
        }
        const { rows } = await client.query<{ name: string; generic_plans: string; custom_plans: string }>(
          `SELECT name, generic_plans, custom_plans FROM pg_prepared_statements WHERE name IN ('reusable_test.by_ids.1', 'reusable_test.by_id_array')`,
        );
        return Object.fromEntries(rows.map((row) => [row.name, { generic: Number(row.generic_plans), custom: Number(row.custom_plans) }]));
      });
      expect(plans['reusable_test.by_ids.1']?.generic).toBeGreaterThan(0);
      // The contrast that makes a statement per length worth having.
      expect(plans['reusable_test.by_id_array']).toEqual({ generic: 0, custom: 12 });
    });
  }
});
