import type { Query, SQL } from 'drizzle-orm';

/**
 * The only module that reaches into Drizzle's private API. drizzle-orm is pinned to this version
 * exactly in every package.json; `drizzle-internals.int.test.ts` checks each shape used here, so
 * an upgrade that changes one fails there, by name, instead of somewhere on the checkout path.
 */
export const DRIZZLE_VERSION = '0.45.4';

/** What Drizzle's prepared queries (node-postgres and PGlite alike) carry once built. */
export interface BuiltQuery {
  queryString: string;
  params: unknown[];
  fields?: unknown;
  _isResponseInArrayMode: boolean;
  customResultMapper?: unknown;
  joinsNotNullableMap?: unknown;
}

/** A query prepared on a session: runs with the values of its placeholders. */
export interface SessionQuery {
  joinsNotNullableMap?: unknown;
  execute(values?: Record<string, unknown>): Promise<unknown>;
}

/** A database's or transaction's session: the handle that sends statements on its connection. */
export interface DrizzleSession {
  prepareQuery(query: Query, fields: unknown, name: string | undefined, arrayMode: boolean, customResultMapper?: unknown): SessionQuery;
  /** The driver's client (a pool, a pool client in a transaction, or PGlite). */
  client?: unknown;
}

/** A Drizzle database or transaction handle (`Db`, `Tx`); typed loosely so database.ts may use this module. */
type Handle = object;

/** The session under a database or transaction handle. */
export const sessionOf = (db: Handle): DrizzleSession => (db as unknown as { _: { session: DrizzleSession } })._.session;

/** The built form of `query.prepare(name)`: its SQL text, parameters and result mapping. */
export const builtQueryOf = (prepared: unknown): BuiltQuery => prepared as BuiltQuery;

/** A raw `sql` template as text and parameters, in this database's dialect. */
export const sqlToQuery = (db: Handle, query: SQL): Query =>
  (db as unknown as { dialect: { sqlToQuery(sql: SQL): Query } }).dialect.sqlToQuery(query);

/** The statements Drizzle's node-postgres transactions send to open and end one, exactly as sent. */
export const TRANSACTION_TEXTS = { begin: 'begin', commit: 'commit', rollback: 'rollback' } as const;
