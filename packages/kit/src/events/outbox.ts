import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Bus } from '../bus/bus.ts';
import type { TraceContext } from '../context.ts';
import type { Database, Db, Tx } from '../db/database.ts';
import { deferWrite, withDeferredWrites } from '../db/deferred-writes.ts';
import type { OutboxTable } from '../db/platform-tables.ts';
import { perTable, reusableQuery } from '../db/reusable-query.ts';
import { outboxPublished } from '../metrics.ts';
import { tracing } from '../tracing.ts';
import { type CommitCallback, commitCallbacks } from './commit-callbacks.ts';
import { type EventEnvelope, envelope, type OutgoingEvent } from './event.ts';

/** What a use case gets inside its transaction: the handle, and an outbox writer bound to it. */
export interface TxContext {
  tx: Tx;
  /** Writes events to the outbox in this transaction (sent with its other deferred writes); the relay publishes them after commit. */
  publish(...events: OutgoingEvent[]): Promise<void>;
  /**
   * Runs `callback` once after this transaction commits, never if it rolls back: for work outside
   * the database that must see the transaction's rows (sending a just-queued message at once).
   * Nothing waits for it; a callback that throws or rejects is logged.
   */
  afterCommit(callback: CommitCallback): void;
}

/** Runs work in one transaction; `trace` (e.g. the request id) becomes the events' correlation id. */
export type UnitOfWork = <R>(work: (ctx: TxContext) => Promise<R>, trace?: TraceContext) => Promise<R>;

const insertOutboxRow = perTable('insert', (outbox: OutboxTable, name) =>
  reusableQuery(name, (db) =>
    db.insert(outbox).values({ id: sql.placeholder('id'), type: sql.placeholder('type'), envelope: sql.placeholder('envelope') }),
  ),
);

/** Binds an outbox writer to a transaction; envelopes carry the current trace ids. */
export function outboxWriter(tx: Tx, outbox: OutboxTable, source: string, trace?: TraceContext): TxContext['publish'] {
  return async (...events) => {
    if (events.length === 0) return;
    const traces = tracing();
    const rows = events.map((event) => {
      // A producer span per event, ended at once: the envelope carries it through the outbox to the consumers.
      const span = traces.enabled
        ? traces.startSpan(`${event.type} publish`, {
            kind: 'producer',
            attributes: { 'messaging.system': 'bazar', 'messaging.destination.name': event.type, 'bazar.service': source },
          })
        : undefined;
      span?.end();
      const env = envelope(event, source, trace?.correlationId, trace?.causationId, span?.traceparent);
      return { id: env.id, type: env.type, envelope: env };
    });
    const insertOne = insertOutboxRow(outbox);
    for (const row of rows) await deferWrite(tx, insertOne.statement(tx, row));
  };
}

/** Wraps an outbox writer to remember whether anything was written (only then is the relay woken). */
export function trackingWrites(write: TxContext['publish']): { publish: TxContext['publish']; wrote: () => boolean } {
  let wrote = false;
  return {
    publish: async (...events) => {
      await write(...events);
      wrote ||= events.length > 0;
    },
    wrote: () => wrote,
  };
}

/** `wakeRelay` is called after a commit that wrote events; `log` takes failed after-commit callbacks. */
export function createUnitOfWork(db: Db, outbox: OutboxTable, source: string, wakeRelay: () => void, log: Logger): UnitOfWork {
  return async (work, trace) => {
    let writes: ReturnType<typeof trackingWrites> | undefined;
    const callbacks = commitCallbacks(log);
    const result = await db.transaction((tx) =>
      withDeferredWrites(tx, () => {
        writes = trackingWrites(outboxWriter(tx, outbox, source, trace));
        return work({ tx, publish: writes.publish, afterCommit: callbacks.add });
      }),
    );
    if (writes?.wrote()) wakeRelay();
    callbacks.run();
    return result;
  };
}

export interface OutboxRelay {
  start(): void;
  /** Wakes the relay now instead of at the next poll. */
  kick(): void;
  /** Publishes everything pending; resolves when the outbox is empty or the bus refuses. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

export interface RelayOptions {
  database: Database;
  schema: string;
  bus: Bus;
  log: Logger;
  pollMs: number;
  batchSize?: number;
  leaseSeconds?: number;
  /** How long a busy relay waits for more commits before its next claim (0 = never). */
  batchWindowMs?: number;
}

/**
 * Polls the service's outbox and publishes unpublished rows in id order. Rows are claimed with a
 * short lease (FOR UPDATE SKIP LOCKED) so several processes can relay one outbox; the broker call
 * happens outside any transaction (DESIGN §1).
 */
export function createOutboxRelay(options: RelayOptions): OutboxRelay {
  const { database, schema, bus, log, pollMs } = options;
  const batchSize = options.batchSize ?? 100;
  const leaseSeconds = options.leaseSeconds ?? 30;
  // A window lets claims grow and a SKU's stock snapshots fold into one (docs/decisions/0024).
  // An event waits at most this long, and only while the relay is busy.
  const batchWindowMs = options.batchWindowMs ?? 25;
  const table = `"${schema}"."outbox"`;
  const publishedCount = outboxPublished.labels({ service: schema });
  let running = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  let pending = false;
  let failures = 0;
  let lastCleanup = 0;
  let pumping: Promise<number> | undefined;

  // Published rows leave dead entries in the pending index until vacuum. A scan of the index in
  // id order marks them as it passes, so the next claim skips them; a bitmap scan, which the
  // planner picks for a few pending rows, re-reads every one of them each time (0024). The
  // setting holds for this claim only, and the
  // statements go in one round trip, with the "published" mark of the batch before when the
  // relay went straight on to this claim (docs/decisions/0024).
  const claimStatement = `UPDATE ${table} SET lease_until = now() + interval '${leaseSeconds} seconds', attempts = attempts + 1
    WHERE id IN (SELECT id FROM ${table} WHERE published_at IS NULL AND (lease_until IS NULL OR lease_until < now())
                 ORDER BY id LIMIT ${batchSize} FOR UPDATE SKIP LOCKED)
    RETURNING id, envelope`;
  // The ids come from the table's uuid column, so they are safe to write into the script's text.
  const markStatement = (ids: readonly string[]) =>
    `UPDATE ${table} SET published_at = now(), lease_until = NULL WHERE id = ANY('{${ids.join(',')}}'::uuid[])`;
  /** Published, not yet marked: sent with the next claim, or on their own before the relay waits. */
  let unmarked: string[] = [];

  /** Runs `send` with the marks taken out of `unmarked`; they go back if it fails (a lost mark only means a re-publish). */
  async function withMarks<R>(send: (marking: readonly string[]) => Promise<R>): Promise<R> {
    const marking = unmarked;
    unmarked = [];
    try {
      return await send(marking);
    } catch (error) {
      unmarked = [...marking, ...unmarked];
      throw error;
    }
  }

  function claim(): Promise<{ id: string; envelope: EventEnvelope }[]> {
    return withMarks(async (marking) => {
      const statements = [
        'BEGIN',
        ...(marking.length > 0 ? [markStatement(marking)] : []),
        'SET LOCAL enable_bitmapscan = off',
        claimStatement,
        'COMMIT',
      ];
      const results = await database.script(statements.join(';\n'));
      return (results[statements.length - 2] ?? []) as { id: string; envelope: EventEnvelope }[];
    });
  }

  /** Marks what was published, on its own (before the relay waits, on drain and stop). */
  async function markPublished(): Promise<void> {
    if (unmarked.length === 0) return;
    await withMarks((marking) => database.query(markStatement(marking)));
  }

  async function pumpOnce(): Promise<number> {
    const rows = (await claim()).sort((a, b) => (a.id < b.id ? -1 : 1));
    const published: string[] = [];
    // A snapshot a newer one of the same thing follows in this batch is not sent: it counts as
    // published once that newer one is (a relay behind on a busy SKU catches up in one event per SKU).
    const newest = new Map(rows.flatMap((row) => (row.envelope.snapshotOf ? [[row.envelope.snapshotOf, row.id] as const] : [])));
    const obsolete = new Map<string, string[]>();
    try {
      for (const row of rows) {
        const of = row.envelope.snapshotOf;
        if (of && newest.get(of) !== row.id) {
          obsolete.set(of, [...(obsolete.get(of) ?? []), row.id]);
          continue;
        }
        await bus.publish(row.envelope);
        published.push(row.id, ...(of ? (obsolete.get(of) ?? []) : []));
      }
      failures = 0;
    } catch (error) {
      failures++;
      // Short caps: a returning broker is noticed within seconds, and a failing poll is one cheap query.
      const retryIn = Math.min(2, 0.1 * 2 ** Math.min(failures - 1, 5));
      const unsent = rows.filter((r) => !published.includes(r.id)).map((r) => r.id);
      if (failures === 1 || failures % 20 === 0) log.warn({ err: error, unsent: unsent.length }, 'outbox publish failed; will retry');
      await database.query(
        `UPDATE ${table} SET lease_until = now() + ($2 || ' seconds')::interval, last_error = $3 WHERE id = ANY($1::uuid[])`,
        [unsent, String(retryIn), String(error).slice(0, 500)],
      );
      unmarked.push(...published);
      await markPublished();
      throw error;
    }
    unmarked.push(...published);
    publishedCount.inc(published.length);
    return rows.length;
  }

  /** Serializes pumps within this process so `drain()` and the loop never publish twice. */
  function pump(): Promise<number> {
    if (!pumping) pumping = pumpOnce().finally(() => (pumping = undefined));
    return pumping;
  }

  async function cleanup() {
    if (Date.now() - lastCleanup < 3_600_000) return;
    lastCleanup = Date.now();
    await database.query(`DELETE FROM ${table} WHERE published_at < now() - interval '7 days'`);
  }

  async function run() {
    while (running) {
      let count = 0;
      try {
        count = await pump();
        await cleanup();
      } catch (error) {
        if (failures === 0) log.error({ err: error }, 'outbox relay error');
      }
      if (count === batchSize && failures === 0) continue;
      if (pending && failures === 0) {
        pending = false;
        // Commits arrived while this pump ran: under load, a moment's wait lets the next claim
        // take several rows instead of one (a quiet outbox still publishes at once).
        if (count > 0 && batchWindowMs > 0) await new Promise((resolve) => setTimeout(resolve, batchWindowMs));
        continue;
      }
      // Nothing more to claim at once: the marks go now rather than with a claim that may be a poll away.
      await markPublished().catch((error: unknown) =>
        log.warn({ err: error }, 'outbox: marking published rows failed; they will be sent again'),
      );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, failures > 0 ? Math.min(2_000, pollMs * 2 ** failures) : pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
    await markPublished().catch(() => undefined);
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    kick() {
      pending = true;
      wake?.();
    },
    async drain() {
      let total = 0;
      for (;;) {
        const count = await pump();
        total += count;
        if (count < batchSize) {
          await markPublished();
          return total;
        }
      }
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
      await pumping?.catch(() => {});
      await markPublished().catch(() => undefined);
    },
  };
}
