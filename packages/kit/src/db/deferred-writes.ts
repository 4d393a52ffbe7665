import { is, SQL } from 'drizzle-orm';
import { isStaleWriteError, StaleWrite } from '../errors.ts';
import { type DbOrTx, lastStatementFollows, type Tx } from './database.ts';
import { sessionOf } from './drizzle-internals.ts';
import { STALE_WRITE_FUNCTION } from './stale-write.ts';

/** A statement ready to send: SQL text with `$n` parameters, and their values. */
export interface BuiltStatement {
  sql: string;
  params: unknown[];
  /** A compare-and-set: the rows it must change, or the whole statement fails with `StaleWrite`. */
  expectRows?: number;
  /** Its name as a prepared statement on PostgreSQL, when it is one (`reusableSql`). */
  name?: string;
}

const queues = new WeakMap<DbOrTx, BuiltStatement[]>();
/** Units whose last statement was sent (`sendLast`): nothing may be written in them any more. */
const ended = new WeakSet<DbOrTx>();

const send = (db: DbOrTx, statement: BuiltStatement) => sessionOf(db).prepareQuery(statement, undefined, statement.name, false).execute();

/**
 * Runs `work` in `tx` with write-behind: rows nothing reads back within the transaction (outbox
 * events, status history, stock movements, ledger postings) are queued by `deferWrite` and sent
 * together as one statement just before the transaction ends — a round trip per transaction
 * instead of one per row (docs/decisions/0024). They still commit or roll back with it. The
 * transaction must end when this returns: if `work` sent nothing itself, the combined statement
 * runs without BEGIN/COMMIT (`lastStatementFollows`).
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
 *
 * `expectRows` makes it a compare-and-set (`UPDATE … WHERE id = $1 AND status = $known`): unless
 * it changes exactly that many rows, the combined statement fails, so none of the transaction's
 * writes are stored, and the unit of work throws `StaleWrite`. A use case that decided on a row
 * it read without a lock can then write it, its history and its events in one statement, and fall
 * back to the locked path when someone else got there first.
 */
export async function deferWrite(
  db: DbOrTx,
  statement: BuiltStatement | { toSQL(): BuiltStatement },
  options: { expectRows?: number } = {},
): Promise<void> {
  const sql = 'toSQL' in statement ? statement.toSQL() : statement;
  const built = options.expectRows === undefined ? sql : { ...sql, expectRows: options.expectRows };
  const queue = queues.get(db);
  if (ended.has(db)) throw new Error('a write was queued after the last statement of its unit of work');
  if (queue) queue.push(built);
  else await sendQueued(db, [built]);
}

/**
 * Sends the statement that ends the unit of work and answers its rows; only the commit may follow
 * (a write queued after it fails the unit). When the unit sent nothing before it — writes still
 * queued go first — it runs without BEGIN/COMMIT, like a unit of deferred writes: for a use case
 * that is one statement reading and writing (an event handler's upsert that answers what changed).
 * It is the unit's commit point: on PostgreSQL its effects are stored when it returns, so what the
 * caller does after it must be safe to lose (dropping a cache entry), never a write it depends on.
 */
export async function sendLast<Row>(tx: Tx, query: SQL | BuiltStatement): Promise<Row[]> {
  const queue = queues.get(tx);
  if (queue && queue.length > 0) {
    await sendQueued(tx, queue);
    queue.length = 0;
  }
  lastStatementFollows(tx);
  ended.add(tx);
  const result = is(query, SQL) ? await tx.execute(query) : await send(tx, query);
  return (result as unknown as { rows: Row[] }).rows;
}

async function flush(tx: Tx, queue: BuiltStatement[]): Promise<void> {
  if (queue.length === 0) return;
  lastStatementFollows(tx);
  await sendQueued(tx, queue);
}

/** One statement for the queue; a compare-and-set that missed comes out as `StaleWrite`. */
async function sendQueued(db: DbOrTx, queue: readonly BuiltStatement[]): Promise<void> {
  const guarded = queue.some((s) => s.expectRows !== undefined);
  try {
    await send(db, queue.length === 1 && !guarded ? (queue[0] as BuiltStatement) : combine(queue));
  } catch (error) {
    throw guarded && isStaleWriteError(error) ? new StaleWrite({ cause: error }) : error;
  }
}

/**
 * Several writes as one statement: data-modifying CTEs (`WITH w0 AS (INSERT …), w1 AS (…)
 * SELECT 1`), each statement's `$n` shifted past the ones before it. PostgreSQL runs every part,
 * and foreign keys are checked at the end of the whole statement, so a posting may reference the
 * entry inserted beside it. Compare-and-set parts are counted by the final SELECT, which calls the
 * stale-write function — failing the whole statement with its own SQLSTATE — when one changed
 * other than the rows it expected (db/stale-write.ts).
 */
export function combine(statements: readonly BuiltStatement[]): BuiltStatement {
  const key = combinationKey(statements);
  let sql = combinedTexts.get(key);
  if (sql === undefined) {
    const parts: string[] = [];
    let offset = 0;
    const checks: string[] = [];
    for (const [i, statement] of statements.entries()) {
      const shift = offset;
      let text = statement.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + shift}`);
      if (statement.expectRows !== undefined) {
        // Only a part with RETURNING can be counted.
        if (!/\breturning\b/i.test(text)) text += ' returning 1';
        checks.push(`(SELECT count(*) FROM w${i}) = ${Number(statement.expectRows)}`);
      }
      parts.push(`w${i} AS (${text})`);
      offset += statement.params.length;
    }
    const result = checks.length === 0 ? '1' : `CASE WHEN ${checks.join(' AND ')} THEN 1 ELSE ${STALE_WRITE_FUNCTION}() END`;
    sql = `WITH ${parts.join(', ')} SELECT ${result}`;
    // The same few combinations recur (a history row and an event, …); a cap keeps odd ones from piling up.
    if (combinedTexts.size < 500) combinedTexts.set(key, sql);
  }
  return { sql, params: statements.flatMap((s) => s.params) };
}

const combinedTexts = new Map<string, string>();

/**
 * Names a combination by small numbers, one per statement text: the texts are the same string
 * objects call after call (built once), so looking one up hashes it once, where joining them into
 * a key made a new string of several kilobytes to hash on every unit of work.
 */
function combinationKey(statements: readonly BuiltStatement[]): string {
  let key = '';
  for (const statement of statements) {
    let number = textNumbers.get(statement.sql);
    if (number === undefined && textNumbers.size < MAX_NUMBERED_TEXTS) {
      number = textNumbers.size;
      textNumbers.set(statement.sql, number);
    }
    // Past the cap a text has no number: the text itself stands in the key.
    key += `${statement.expectRows ?? ''}${number === undefined ? `:${statement.sql}` : `#${number}`}\u0000`;
  }
  return key;
}

const MAX_NUMBERED_TEXTS = 2_000;
const textNumbers = new Map<string, number>();
