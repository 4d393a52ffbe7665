import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { sessionOf, TRANSACTION_TEXTS } from './drizzle-internals.ts';
import { lockDataDir } from './lock.ts';
import { createInMemoryPglite } from './pglite-template.ts';
import { CREATE_STALE_WRITE_FUNCTION } from './stale-write.ts';

type AnySchema = Record<string, never>;
/** The Drizzle handle every service gets; the same type over PGlite and node-postgres. */
export type Db = PgDatabase<PgQueryResultHKT, AnySchema>;
export type Tx = PgTransaction<PgQueryResultHKT, AnySchema, ExtractTablesWithRelations<AnySchema>>;
export type DbOrTx = Db | Tx;

export interface SqlSession {
  /** Runs raw SQL text (several statements allowed) and returns the last statement's rows. */
  exec(sql: string): Promise<Record<string, unknown>[]>;
  /** Runs raw SQL text of several statements in one round trip and returns each statement's rows. */
  script(sql: string): Promise<Record<string, unknown>[][]>;
  /** Runs one parameterised statement outside Drizzle; returns rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Database extends SqlSession {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /** Runs `fn` on one connection, for session state such as advisory locks. */
  withSession<R>(fn: (session: SqlSession) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL URL; when absent, PGlite is used. */
  url?: string;
  /** PGlite data dir; absent means in memory (tests). */
  dataDir?: string;
  poolSize?: number;
}

// Fewer backends to switch between on 2 cores measured faster than 20 or 6 (docs/decisions/0024).
const DEFAULT_POOL_SIZE = 10;

/** The database the platform settings name: PostgreSQL at DATABASE_URL, else PGlite in BAZAR_DATA_DIR. */
export function openConfiguredDatabase(platform: {
  DATABASE_URL?: string;
  DATABASE_POOL_SIZE?: number;
  BAZAR_DATA_DIR: string;
}): Promise<Database> {
  return openDatabase(
    platform.DATABASE_URL
      ? { url: platform.DATABASE_URL, ...(platform.DATABASE_POOL_SIZE ? { poolSize: platform.DATABASE_POOL_SIZE } : {}) }
      : { dataDir: resolve(platform.BAZAR_DATA_DIR) },
  );
}

/** Opens PGlite (one instance shared by all services) or a node-postgres pool. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.poolSize ?? DEFAULT_POOL_SIZE);
  return openPglite(options.dataDir);
}

/** How long a query waits for a connection before it fails: a database cut is an error, not a hang. */
const CONNECT_TIMEOUT_MS = 5_000;

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  let staleWriteFunctionAsked = false;
  pool.on('connect', (client) => {
    // The pool's listener covers idle clients only. A checked-out one losing its connection fails
    // its query (the caller sees that) and is thrown away on release; the event itself is no crash.
    client.on('error', () => {});
    prepareRepeatedStatements(client);
    beginLazily(client);
    // On the first connection, queued ahead of whatever asked for it: opening must not need the
    // database up (a service waits for it at start), and the function is there before any write.
    if (!staleWriteFunctionAsked) {
      staleWriteFunctionAsked = true;
      const created = client.query(CREATE_STALE_WRITE_FUNCTION).catch(() => {
        staleWriteFunctionAsked = false;
      });
      queueBehind(client, created);
    }
  });
  const db = drizzleNodePg({ client: pool }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    exec: async (text) => lastRows(await pool.query(text)),
    script: async (text) => {
      const client = await pool.connect();
      try {
        return await runScript(client, text);
      } finally {
        client.release();
      }
    },
    query: async <T>(text: string, params?: unknown[]) => (await pool.query(text, params)).rows as T[],
    withSession: async (fn) => {
      const client = await pool.connect();
      try {
        return await fn({
          exec: async (text) => lastRows(await client.query(text)),
          script: (text) => runScript(client, text),
          query: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[],
        });
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Distinct statement texts that get a server-side prepared statement; past this, texts run unnamed. */
const MAX_PREPARED_TEXTS = 1_000;
const preparedNames = new Map<string, string>();
/** INSERT, UPDATE, DELETE, and the combined deferred writes (`WITH w0 AS (INSERT …)`). */
const WRITE = /^\s*(insert|update|delete|with w0 as)\b/i;

/**
 * Names every parameterised write after its text, so PostgreSQL parses and plans it once per
 * connection instead of on every call (node-postgres then sends only Bind/Execute). The same few
 * dozen statements make up nearly all traffic; the cap keeps per-connection memory bounded when a
 * caller builds texts of varying shape (multi-row inserts). Reads are left alone unless their
 * caller named them (`reusableQuery`): after five runs PostgreSQL may keep a generic plan for a
 * named statement, which suits a key lookup but not a search whose best plan depends on its words.
 */
function prepareRepeatedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const [first, second] = args;
    // Drizzle passes a config object; raw callers pass (text, values).
    const config = (typeof first === 'string' ? { text: first } : first) as pg.QueryConfig | null;
    const values = (second ?? config?.values) as unknown;
    if (!config || typeof config !== 'object' || typeof config.text !== 'string' || config.name) return query(...args);
    if (!Array.isArray(values) || values.length === 0) return query(...args);
    let name = preparedNames.get(config.text);
    if (name === undefined && !WRITE.test(config.text)) return query(...args);
    if (name === undefined && preparedNames.size < MAX_PREPARED_TEXTS) {
      name = `bazar_${preparedNames.size}`;
      preparedNames.set(config.text, name);
    }
    if (name !== undefined) args[0] = { ...config, name };
    return query(...args);
  };
}

/**
 * Holds this client's next statements until `first` has finished: node-postgres deprecates (and
 * pg@9 removes) sending a query while another is still running on the same client.
 */
function queueBehind(client: pg.PoolClient, first: Promise<unknown>): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  let waiting: Promise<unknown> | null = first.finally(() => {
    waiting = null;
  });
  (client as { query: unknown }).query = (...args: unknown[]) => (waiting ? waiting.then(() => query(...args)) : query(...args));
}

const EMPTY_RESULT = Object.freeze({ command: '', rowCount: 0, rows: [], fields: [] });
const lastStatementNext = new WeakSet<object>();

/**
 * Says that the next statement on this transaction's connection is its last before COMMIT (the
 * combined deferred writes). When nothing was sent before it, it runs on its own, without BEGIN
 * and COMMIT: one statement is atomic by itself, and two round trips of three are saved
 * (docs/decisions/0024). A no-op on PGlite, where a round trip is a function call.
 */
export function lastStatementFollows(tx: Tx): void {
  const { client } = sessionOf(tx);
  if (client && typeof client === 'object' && lazyClients.has(client)) lastStatementNext.add(client);
}

const lazyClients = new WeakSet<object>();

/**
 * Holds back the BEGIN of Drizzle's transactions until the first statement that needs it: a unit
 * of work whose writes all went to its deferred queue becomes one autocommitted statement, and an
 * empty one sends nothing. Only Drizzle's lowercase `begin`/`commit`/`rollback` are touched; a
 * statement sent after the last one is refused, since the transaction has already ended.
 */
function beginLazily(client: pg.PoolClient): void {
  lazyClients.add(client);
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  let state: 'none' | 'pending' | 'open' | 'ended' = 'none';
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const [first] = args;
    const text = typeof first === 'string' ? first : (first as { text?: unknown } | null)?.text;
    if (args.some((arg) => typeof arg === 'function')) return query(...args);
    if (text === TRANSACTION_TEXTS.begin && state === 'none') {
      state = 'pending';
      return Promise.resolve(EMPTY_RESULT);
    }
    const ends = text === TRANSACTION_TEXTS.commit || text === TRANSACTION_TEXTS.rollback;
    if (state === 'pending' || state === 'ended') {
      if (ends) {
        state = 'none';
        return Promise.resolve(EMPTY_RESULT);
      }
      if (state === 'ended') return Promise.reject(new Error('a statement was sent after the last one of its transaction'));
      if (lastStatementNext.delete(client)) {
        state = 'ended';
        return query(...args);
      }
      state = 'open';
      return query(TRANSACTION_TEXTS.begin).then(() => query(...args));
    }
    lastStatementNext.delete(client);
    if (ends) state = 'none';
    return query(...args);
  };
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  try {
    const client = dataDir
      ? await PGlite.create({ dataDir, extensions: { pg_trgm } })
      : await createInMemoryPglite({ extensions: { pg_trgm } });
    yieldBeforeEachCall(client);
    const db = drizzlePglite({ client }) as unknown as Db;
    await client.exec(CREATE_STALE_WRITE_FUNCTION);
    // A failed multi-statement script leaves PGlite's only session aborted (feasibility §2, trap 3).
    const guard = async <R>(run: () => Promise<R>): Promise<R> => {
      try {
        return await run();
      } catch (error) {
        if (client.isInTransaction()) await client.exec('ROLLBACK');
        throw error;
      }
    };
    const session: SqlSession = {
      exec: (text) => guard(async () => (await client.exec(text)).at(-1)?.rows ?? []),
      script: (text) => guard(async () => (await client.exec(text)).map((result) => result.rows)),
      query: <T>(text: string, params?: unknown[]) => guard(async () => (await client.query(text, params as unknown[])).rows as T[]),
    };
    return {
      kind: 'pglite',
      db,
      ...session,
      withSession: (fn) => fn(session),
      close: async () => {
        await client.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

/**
 * PGlite runs each statement on this thread and hands its lock to the next caller in a microtask:
 * with callers queued back to back (a busy shop), timers and sockets (HTTP answers, gateway calls,
 * the job poller) never got a turn, and a local HTTP call waited for minutes. Each statement or
 * transaction now starts after the event loop has had one; statements inside a transaction run on.
 */
function yieldBeforeEachCall(client: PGlite): void {
  const target = client as unknown as Record<'query' | 'exec' | 'transaction', (...args: unknown[]) => Promise<unknown>>;
  for (const method of ['query', 'exec', 'transaction'] as const) {
    const call = target[method].bind(client);
    target[method] = async (...args: unknown[]) => {
      await new Promise((resolve) => setImmediate(resolve));
      return call(...args);
    };
  }
}

async function runScript(client: pg.PoolClient, text: string): Promise<Record<string, unknown>[][]> {
  try {
    return allRows(await client.query(text));
  } catch (error) {
    // A script that began a transaction and failed leaves it open and aborted on this connection.
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

const allRows = (result: pg.QueryResult | pg.QueryResult[]): Record<string, unknown>[][] =>
  (Array.isArray(result) ? result : [result]).map((each) => each.rows ?? []);

/** pg returns one result per statement for multi-statement text, or a single result. */
function lastRows(result: pg.QueryResult | pg.QueryResult[]): Record<string, unknown>[] {
  const last = Array.isArray(result) ? result.at(-1) : result;
  return last?.rows ?? [];
}
