import type { Db, DbOrTx, Tx } from './database.ts';

/** A statement ready to send: SQL text with `$n` parameters, and their values. */
export interface BuiltStatement {
  sql: string;
  params: unknown[];
}

const queues = new WeakMap<DbOrTx, BuiltStatement[]>();

type SessionOf = {
  prepareQuery(
    query: BuiltStatement,
    fields: undefined,
    name: undefined,
    arrayMode: boolean,
  ): { execute(values?: Record<string, unknown>): Promise<unknown> };
};

const run = (db: DbOrTx, statement: BuiltStatement) =>
  ((db as Db)._.session as unknown as SessionOf).prepareQuery(statement, undefined, undefined, false).execute();

/**
 * Runs `work` in `tx` with write-behind: rows nothing reads back within the transaction (outbox
 * events, status history, stock movements, ledger postings) are queued by `deferWrite` and sent
 * together as one statement just before the transaction ends — a round trip per transaction
 * instead of one per row (docs/decisions/0012). They still commit or roll back with it.
 */
export async function withDeferredWrites<R>(tx: Tx, work: () => Promise<R>): Promise<R> {
  const queue: BuiltStatement[] = [];
  queues.set(tx, queue);
  try {
    const result = await work();
    await flush(tx, queue);
    return result;
  } finally {
    queues.delete(tx);
  }
}

/**
 * Queues a write whose rows nothing in this transaction reads again; outside `withDeferredWrites`
 * (another transaction, or the pool) it runs at once. Only INSERT/UPDATE/DELETE without RETURNING.
 */
export async function deferWrite(db: DbOrTx, statement: BuiltStatement | { toSQL(): BuiltStatement }): Promise<void> {
  const built = 'toSQL' in statement ? statement.toSQL() : statement;
  const queue = queues.get(db);
  if (queue) queue.push(built);
  else await run(db, built);
}

async function flush(tx: Tx, queue: BuiltStatement[]): Promise<void> {
  if (queue.length === 0) return;
  await run(tx, queue.length === 1 ? (queue[0] as BuiltStatement) : combine(queue));
}

/**
 * Several writes as one statement: data-modifying CTEs (`WITH w0 AS (INSERT …), w1 AS (…)
 * SELECT 1`), each statement's `$n` shifted past the ones before it. PostgreSQL runs every part,
 * and foreign keys are checked at the end of the whole statement, so a posting may reference the
 * entry inserted beside it.
 */
export function combine(statements: readonly BuiltStatement[]): BuiltStatement {
  const key = statements.map((s) => s.sql).join('\u0000');
  let sql = combinedTexts.get(key);
  if (sql === undefined) {
    const parts: string[] = [];
    let offset = 0;
    for (const [i, statement] of statements.entries()) {
      const shift = offset;
      parts.push(`w${i} AS (${statement.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + shift}`)})`);
      offset += statement.params.length;
    }
    sql = `WITH ${parts.join(', ')} SELECT 1`;
    // The same few combinations recur (a history row and an event, …); a cap keeps odd ones from piling up.
    if (combinedTexts.size < 500) combinedTexts.set(key, sql);
  }
  return { sql, params: statements.flatMap((s) => s.params) };
}

const combinedTexts = new Map<string, string>();
