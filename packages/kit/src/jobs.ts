import { type SQL, sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database, Tx } from './db/database.ts';
import { sessionOf } from './db/drizzle-internals.ts';
import { jobDuration, jobRuns } from './metrics.ts';

/** A scheduled or queued piece of work a service owns (STYLE: src/jobs/<what-it-does>.ts). */
export interface JobDefinition<T extends object = Record<string, unknown>> {
  /** `<service>.<what_it_does>`, e.g. `orders.expire_unpaid_orders`. */
  queue: string;
  /** Five-field cron in UTC; absent for jobs only sent on demand. */
  cron?: string;
  /** Runs every this many seconds (at most once per period across processes); for periods under cron's minute. */
  everySeconds?: number;
  /** Retries after a failure, for scheduled runs and every job sent to this queue (default 10). */
  retryLimit?: number;
  /** Seconds before the first retry; doubled (with jitter) for each further one (default 2). */
  retryDelaySeconds?: number;
  /** How long a run may stay active before it counts as failed (its process died): default 300 s. */
  expireInSeconds?: number;
  handler(data: T): Promise<void>;
}

/** What a queue's jobs get unless its definition says otherwise: pg-boss's own (2 retries at once, 15 min active) lose work. */
export const JOB_DEFAULTS = { retryLimit: 10, retryDelaySeconds: 2, expireInSeconds: 300 } as const;

/** pg-boss's options for a queue's jobs. */
export const retryOptionsOf = (definition: Partial<Pick<JobDefinition, 'retryLimit' | 'retryDelaySeconds' | 'expireInSeconds'>> = {}) => ({
  retryLimit: definition.retryLimit ?? JOB_DEFAULTS.retryLimit,
  retryDelay: definition.retryDelaySeconds ?? JOB_DEFAULTS.retryDelaySeconds,
  retryBackoff: true,
  expireInSeconds: definition.expireInSeconds ?? JOB_DEFAULTS.expireInSeconds,
});

export interface SendJobOptions {
  startAfterSeconds?: number;
  /** At most one queued job per key. */
  singletonKey?: string;
  /** Enqueue inside this transaction: the job exists only if the transaction commits. */
  tx?: Tx;
  /** For a queue this process does not run (its definition's own settings win where it does). */
  retryLimit?: number;
  retryDelaySeconds?: number;
  expireInSeconds?: number;
}

export interface Jobs {
  send(queue: string, data?: object, options?: SendJobOptions): Promise<string | null>;
  register(definitions: JobDefinition[]): Promise<void>;
  stop(): Promise<void>;
}

/** Turns pg-boss's `$1` SQL into a Drizzle query so it runs on the caller's transaction. */
function toDrizzleSql(text: string, values: unknown[]): SQL {
  const chunks: SQL[] = [];
  let last = 0;
  for (const match of text.matchAll(/\$(\d+)/g)) {
    chunks.push(sql.raw(text.slice(last, match.index)));
    chunks.push(sql`${values[Number(match[1]) - 1] ?? null}`);
    last = (match.index ?? 0) + match[0].length;
  }
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks);
}

/** The driver client under a Drizzle transaction (node-postgres PoolClient or PGlite Transaction). */
type DriverClient = { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

function txDb(tx: Tx): PgBoss.Db {
  // pg-boss repeats placeholders (`$5` twice in its insert, once typed as a timestamp and once as
  // an interval); rewritten into Drizzle parameters each copy is typed on its own and a delayed
  // job fails. The transaction's own driver client takes the text as it is.
  const client = sessionOf(tx).client as Partial<DriverClient> | undefined;
  if (typeof client?.query === 'function') {
    const driver = client as DriverClient;
    return { executeSql: async (text, values) => ({ rows: (await driver.query(text, values ?? [])).rows }) };
  }
  return {
    executeSql: async (text, values) => {
      const result = (await tx.execute(toDrizzleSql(text, values ?? []))) as unknown as { rows: unknown[] };
      return { rows: result.rows };
    },
  };
}

/**
 * pg-boss for both engines: on PostgreSQL it keeps its own pool; on PGlite it runs through the
 * shared instance (feasibility §4). One instance per process, shared by the hosted services.
 */
export async function createJobs(options: {
  database: Database;
  url?: string;
  log: Logger;
  pollSeconds?: number;
  /** How often pg-boss looks for runs whose process died (their expiry passed). */
  maintenanceSeconds?: number;
}): Promise<Jobs> {
  const { database, log } = options;
  const maintenanceIntervalSeconds = options.maintenanceSeconds ?? 30;
  // Past the stop's grace a batch still in its handler is abandoned: pg-boss never hears back, so it
  // does not complete the jobs on a closed pool; they stay active until their expiry retries them.
  let abandoned = false;
  const boss = options.url
    ? new PgBoss({ connectionString: options.url, max: 4, schema: 'pgboss', maintenanceIntervalSeconds })
    : new PgBoss({
        schema: 'pgboss',
        maintenanceIntervalSeconds,
        db: {
          executeSql: async (text, values) => {
            // pg-boss completes or fails a late batch without awaiting it; after the stop that would be
            // a rejection nobody handles (the database is closed next), so it reaches nothing instead.
            // No `rows` at all: pg-boss then counts nothing affected instead of reading a first row.
            if (abandoned) return {} as { rows: unknown[] };
            if (values?.length) return { rows: await database.query(text, values) };
            return { rows: await database.exec(text) };
          },
        },
      });
  boss.on('error', (error) => log.warn({ err: error }, 'job queue error'));
  await boss.start();
  const timers: NodeJS.Timeout[] = [];
  const definitions = new Map<string, JobDefinition>();
  const queues = new Set<string>();
  const ensureQueue = async (name: string) => {
    if (queues.has(name)) return;
    // Processes starting at once may collide creating the same queue (a deadlock or a duplicate): ask again.
    for (let attempt = 1; ; attempt++) {
      try {
        await boss.createQueue(name);
        break;
      } catch (error) {
        if (attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt + Math.random() * 300));
      }
    }
    queues.add(name);
  };
  // One run per period whichever process ticks first: the singleton key and slot are the period's.
  const every = (definition: JobDefinition) => {
    const seconds = definition.everySeconds ?? 60;
    const tick = () =>
      boss
        .send(
          definition.queue,
          {},
          { ...retryOptionsOf({ ...definition, retryLimit: 0 }), singletonKey: 'every', singletonSeconds: seconds },
        )
        .catch((error: unknown) => log.warn({ err: error, queue: definition.queue }, 'could not schedule a periodic job'));
    void tick();
    const timer = setInterval(tick, seconds * 1000);
    timer.unref();
    return timer;
  };
  return {
    async send(queue, data = {}, sendOptions = {}) {
      await ensureQueue(queue);
      return boss.send(queue, data, {
        ...retryOptionsOf(definitions.get(queue) ?? sendOptions),
        ...(sendOptions.startAfterSeconds ? { startAfter: sendOptions.startAfterSeconds } : {}),
        ...(sendOptions.singletonKey ? { singletonKey: sendOptions.singletonKey } : {}),
        ...(sendOptions.tx ? { db: txDb(sendOptions.tx) } : {}),
      });
    },
    async register(list) {
      for (const definition of list) {
        definitions.set(definition.queue, definition);
        await ensureQueue(definition.queue);
        await boss.work<Record<string, unknown>>(
          definition.queue,
          { pollingIntervalSeconds: options.pollSeconds ?? 2, batchSize: 10 },
          (batch) =>
            new Promise<void>((resolve, reject) => {
              runBatch(definition, batch).then(
                () => abandoned || resolve(),
                (error: unknown) => abandoned || reject(error),
              );
            }),
        );
        if (definition.cron) await boss.schedule(definition.queue, definition.cron, {}, retryOptionsOf(definition));
        if (definition.everySeconds) timers.push(every(definition));
      }
    },
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await boss.stop({ graceful: true, wait: true, timeout: 5_000 });
      abandoned = true;
      // pg-boss sends a batch's completion on the turn after its handler returns.
      await new Promise((resolve) => setImmediate(resolve));
    },
  };

  async function runBatch(definition: JobDefinition, batch: PgBoss.Job<Record<string, unknown>>[]): Promise<void> {
    // Jobs of a batch succeed or fail one by one: pg-boss completes only those still active.
    for (const job of batch) {
      const started = performance.now();
      try {
        await definition.handler(job.data);
        jobRuns.inc({ queue: definition.queue, outcome: 'completed' });
      } catch (error) {
        jobRuns.inc({ queue: definition.queue, outcome: 'failed' });
        log.warn({ err: error, queue: definition.queue, jobId: job.id }, 'job failed');
        // With the database gone the job cannot be marked failed; it stays active until its expiry retries it.
        await boss
          .fail(definition.queue, job.id, { message: String(error) })
          .catch((failError: unknown) =>
            log.warn({ err: failError, queue: definition.queue, jobId: job.id }, 'could not mark a job failed'),
          );
      } finally {
        jobDuration.observe({ queue: definition.queue }, (performance.now() - started) / 1000);
      }
    }
  }
}
