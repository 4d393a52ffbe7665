import { fillPlaceholders, is, Param, Placeholder, type Query, type SQL, sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './database.ts';
import type { BuiltStatement } from './deferred-writes.ts';
import { builtQueryOf, sessionOf, sqlToQuery } from './drizzle-internals.ts';

interface Shape {
  query: Query;
  fields: unknown;
  arrayMode: boolean;
  customResultMapper: unknown;
  joinsNotNullableMap: unknown;
}

/**
 * Drizzle encodes a placeholder's value with its column's encoder even when it is null (a value
 * given inline never reaches the encoder when null); a timestamp encoder then fails on null.
 */
function nullSafe(param: unknown): unknown {
  if (!is(param, Param) || !is(param.value, Placeholder)) return param;
  const encoder = param.encoder;
  return new Param(param.value, { mapToDriverValue: (value: unknown) => (value === null ? null : encoder.mapToDriverValue(value)) });
}

/** A query built once: call it to run it, or take its statement to send later. */
export interface ReusableQuery<R, P> {
  (db: DbOrTx, values: P): Promise<R>;
  /** The statement with these values, to send later (`deferWrite`). */
  statement(db: DbOrTx, values: P): BuiltStatement;
}

/**
 * A Drizzle query whose SQL is built once — with `sql.placeholder()` where its values go — and
 * then run on whichever database or transaction handle a call passes.
 *
 * Drizzle's own `.prepare()` binds the statement to the handle it was built on (the pool), so it
 * cannot run inside a transaction, and building a query anew on every call was the largest CPU
 * cost on the checkout path (docs/decisions/0024). The name also makes it a
 * server-side prepared statement on PostgreSQL.
 */
export function reusableQuery<R, P extends Record<string, unknown>>(
  name: string,
  build: (db: DbOrTx) => { prepare(name: string): { execute(values?: P): Promise<R> } },
): ReusableQuery<R, P> {
  let shape: Shape | undefined;
  const shapeFor = (db: DbOrTx): Shape => {
    if (!shape) {
      const built = builtQueryOf(build(db).prepare(name));
      shape = {
        query: { sql: built.queryString, params: built.params.map(nullSafe) },
        fields: built.fields,
        arrayMode: built._isResponseInArrayMode,
        customResultMapper: built.customResultMapper,
        joinsNotNullableMap: built.joinsNotNullableMap,
      };
    }
    return shape;
  };
  const run = (db: DbOrTx, values: P) => {
    const shape = shapeFor(db);
    const query = sessionOf(db).prepareQuery(shape.query, shape.fields, name, shape.arrayMode, shape.customResultMapper);
    if (shape.joinsNotNullableMap) query.joinsNotNullableMap = shape.joinsNotNullableMap;
    return query.execute(values) as Promise<R>;
  };
  return Object.assign(run, {
    statement: (db: DbOrTx, values: P): BuiltStatement => {
      const { query } = shapeFor(db);
      return { sql: query.sql, params: fillPlaceholders(query.params, values) };
    },
  });
}

/**
 * A raw SQL statement written with `sql.placeholder()` where its values go (a statement the query
 * builder cannot express), turned into text once: `statement` fills the values in. The name makes
 * it a server-side prepared statement on PostgreSQL, as `reusableQuery`'s does: parsed and
 * analysed once per connection, and planned once when PostgreSQL finds its generic plan good.
 */
export function reusableSql<P extends Record<string, unknown>>(name: string, build: (db: DbOrTx) => SQL) {
  let query: Query | undefined;
  return {
    statement(db: DbOrTx, values: P): BuiltStatement {
      if (!query) {
        const built = sqlToQuery(db, build(db));
        query = { sql: built.sql, params: built.params.map(nullSafe) };
      }
      return { sql: query.sql, params: fillPlaceholders(query.params, values), name };
    },
  };
}

/**
 * Counts (of keys, of rows) up to which a statement is built once per count and prepared under
 * its own name; beyond, it is built with its values each time, unnamed.
 */
const MAX_REUSED_COUNT = 16;

/** One `reusableQuery` per count, named `<name>.<count>`, made when a count is first asked for. */
function perCount<R>(
  name: string,
  build: (db: DbOrTx, count: number) => { prepare(name: string): { execute(values?: Record<string, unknown>): Promise<R> } },
) {
  const byCount = new Map<number, ReusableQuery<R, Record<string, unknown>>>();
  return (count: number) => {
    let query = byCount.get(count);
    if (!query) {
      query = reusableQuery<R, Record<string, unknown>>(`${name}.${count}`, (db) => build(db, count));
      byCount.set(count, query);
    }
    return query;
  };
}

type KeyedQuery<R> = PromiseLike<R> & { prepare(name: string): { execute(values?: Record<string, unknown>): Promise<R> } };

/**
 * A read by a list of keys (`id IN (…)`), one prepared statement per list length up to 16; `build`
 * gets the keys as placeholders. One statement for every length (`id = ANY($1)`) is planned afresh
 * on every call: PostgreSQL costs a generic plan for an array of unknown length above the plan for
 * the array in hand, so it never settles on one (planning was a measurable share of the
 * database's CPU in bench:checkout: 0024).
 */
export function reusableQueryByKeys<R>(name: string, build: (db: DbOrTx, keys: readonly unknown[]) => KeyedQuery<R>) {
  const queryFor = perCount<R>(name, (db, count) =>
    build(
      db,
      Array.from({ length: count }, (_, i) => sql.placeholder(`k${i}`)),
    ),
  );
  return async (db: DbOrTx, keys: readonly unknown[]): Promise<R> => {
    if (keys.length > MAX_REUSED_COUNT) return await build(db, keys);
    const values: Record<string, unknown> = {};
    for (const [i, key] of keys.entries()) values[`k${i}`] = key;
    return queryFor(keys.length)(db, values);
  };
}

/**
 * A multi-row INSERT into `table` of the `keys` columns, one prepared statement per number of rows
 * up to 16: a ledger entry's postings, an order's lines.
 */
export function reusableInsertRows<K extends string>(name: string, table: PgTable, keys: readonly K[]) {
  const queryFor = perCount<unknown>(name, (db, count) =>
    db
      .insert(table)
      .values(Array.from({ length: count }, (_, i) => Object.fromEntries(keys.map((key) => [key, sql.placeholder(`${key}_${i}`)])))),
  );
  // Each row's placeholder names (`<key>_<row>`), made once per row position rather than on every insert.
  const namesByRow: string[][] = [];
  const namesOf = (i: number) => (namesByRow[i] ??= keys.map((key) => `${key}_${i}`));
  const valuesOf = (rows: readonly Record<K, unknown>[]) => {
    const values: Record<string, unknown> = {};
    for (const [i, row] of rows.entries()) {
      const names = namesOf(i);
      for (const [k, key] of keys.entries()) values[names[k] as string] = row[key];
    }
    return values;
  };
  return {
    /** The statement inserting `rows`, to send later (`deferWrite`). */
    statement(db: DbOrTx, rows: readonly Record<K, unknown>[]): BuiltStatement | { toSQL(): BuiltStatement } {
      if (rows.length > MAX_REUSED_COUNT) return db.insert(table).values(rows as never);
      return queryFor(rows.length).statement(db, valuesOf(rows));
    },
  };
}

/**
 * One reusable query per table for helpers shared by every service (outbox, inbox, idempotency):
 * each service has its own table, so its statement gets its own name (`<schema>.<table>.<purpose>`).
 */
export function perTable<T extends PgTable, Q>(purpose: string, make: (table: T, name: string) => Q): (table: T) => Q {
  const made = new WeakMap<T, Q>();
  return (table) => {
    let query = made.get(table);
    if (!query) {
      const config = getTableConfig(table);
      query = make(table, `${config.schema ?? 'public'}.${config.name}.${purpose}`);
      made.set(table, query);
    }
    return query;
  };
}

/**
 * `sql.placeholder(name)` where Drizzle's types want a column value (`update().set()`); at run
 * time Drizzle encodes the value given for it as it would that column's (JSON, dates).
 */
export const placeholderFor = <T>(name: string): T => sql.placeholder(name) as unknown as T;

/** `{ key: sql.placeholder(key) }` for each key: the values of an insert built once. */
export function placeholders<K extends string>(...keys: K[]): { [Key in K]: Placeholder<Key> } {
  return Object.fromEntries(keys.map((key) => [key, sql.placeholder(key)])) as { [Key in K]: Placeholder<Key> };
}
