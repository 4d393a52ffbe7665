import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { pgSchema, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing.ts';
import type { Database, Db } from './database.ts';
import { builtQueryOf, DRIZZLE_VERSION, sessionOf, sqlToQuery, TRANSACTION_TEXTS } from './drizzle-internals.ts';

const schema = pgSchema('drizzle_internals_test');
const notes = schema.table('notes', { id: text('id').primaryKey(), body: text('body').notNull() });

let database: Database;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ database, dispose } = await openTestDatabase());
  await database.exec(
    `CREATE SCHEMA drizzle_internals_test; CREATE TABLE drizzle_internals_test.notes (id text PRIMARY KEY, body text NOT NULL)`,
  );
  await database.exec(`INSERT INTO drizzle_internals_test.notes VALUES ('a', 'first')`);
});
afterAll(() => dispose?.());

// Each test names one private shape of Drizzle the kit relies on; after an upgrade, the one that
// fails says which mechanism (reusableQuery, deferWrite, the deferred BEGIN) needs another look.
describe('the Drizzle internals the kit uses', () => {
  it('runs on the exact drizzle-orm version every package pins', () => {
    const entry = createRequire(import.meta.url).resolve('drizzle-orm');
    const installed = JSON.parse(readFileSync(join(dirname(entry), 'package.json'), 'utf8')) as { version: string };
    expect(installed.version).toBe(DRIZZLE_VERSION);
    const kit = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(kit.dependencies['drizzle-orm']).toBe(DRIZZLE_VERSION);
  });

  it('builds a prepared query with its text, parameters and result mapping (reusableQuery)', () => {
    const built = builtQueryOf(
      database.db
        .select()
        .from(notes)
        .where(eq(notes.id, sql.placeholder('id')))
        .prepare('drizzle_internals_test.find'),
    );
    expect(built.queryString).toMatch(/from "drizzle_internals_test"\."notes" where "drizzle_internals_test"\."notes"\."id" = \$1/);
    expect(built.params).toHaveLength(1);
    expect(typeof built._isResponseInArrayMode).toBe('boolean');
    expect(built.fields).toBeDefined();
  });

  it('prepares and runs a built query on the session of a database and of a transaction (reusableQuery, deferWrite)', async () => {
    const built = builtQueryOf(database.db.select().from(notes).prepare('drizzle_internals_test.all'));
    const run = (db: Db | Parameters<Parameters<Db['transaction']>[0]>[0]) =>
      sessionOf(db)
        .prepareQuery({ sql: built.queryString, params: built.params }, built.fields, undefined, built._isResponseInArrayMode)
        .execute();
    expect(await run(database.db)).toEqual([{ id: 'a', body: 'first' }]);
    expect(await database.db.transaction((tx) => run(tx))).toEqual([{ id: 'a', body: 'first' }]);
  });

  it('turns a raw sql template into text and parameters in the dialect (reusableSql)', () => {
    expect(sqlToQuery(database.db, sql`select ${1} as one`)).toMatchObject({ sql: 'select $1 as one', params: [1] });
  });

  it('keeps the driver client of a transaction on its session (the deferred BEGIN, jobs in a transaction)', async () => {
    const client = await database.db.transaction(async (tx) => sessionOf(tx).client);
    expect(client).toBeTypeOf('object');
    expect((client as { query?: unknown }).query).toBeTypeOf('function');
  });

  it('opens and ends node-postgres transactions with exactly these statement texts (the deferred BEGIN)', async () => {
    const sent: string[] = [];
    const client = {
      query: async (config: string | { text: string }) => {
        sent.push(typeof config === 'string' ? config : config.text);
        return { rows: [], fields: [], rowCount: 0, command: '' };
      },
    };
    const db = drizzleNodePg({ client: client as never });
    await db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
    });
    await db
      .transaction(async () => {
        throw new Error('undone');
      })
      .catch(() => undefined);
    expect(sent).toEqual([
      TRANSACTION_TEXTS.begin,
      'select 1',
      TRANSACTION_TEXTS.commit,
      TRANSACTION_TEXTS.begin,
      TRANSACTION_TEXTS.rollback,
    ]);
  });
});
