import { type SQL, sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database, Tx } from './db/database.ts';

/** A scheduled or queued piece of work a service owns (STYLE: src/jobs/<what-it-does>.ts). */
export interface JobDefinition<T extends object = Record<string, unknown>> {
  /** `<service>.<what_it_does>`, e.g. `orders.expire_unpaid_orders`. */
  queue: string;
  /** Five-field cron in UTC; absent for jobs only sent on demand. */
  cron?: string;
  retryLimit?: number;
  handler(data: T): Promise<void>;
}

export interface SendJobOptions {
  startAfterSeconds?: number;
  /** At most one queued job per key. */
  singletonKey?: string;
  /** Enqueue inside this transaction: the job exists only if the transaction commits. */
  tx?: Tx;
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
  const client = (tx as unknown as { session?: { client?: Partial<DriverClient> } }).session?.client;
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
export async function createJobs(options: { database: Database; url?: string; log: Logger; pollSeconds?: number }): Promise<Jobs> {
  const { database, log } = options;
  const boss = options.url
    ? new PgBoss({ connectionString: options.url, max: 4, schema: 'pgboss' })
    : new PgBoss({
        schema: 'pgboss',
        db: {
          executeSql: async (text, values) => {
            if (values?.length) return { rows: await database.query(text, values) };
            return { rows: await database.exec(text) };
          },
        },
      });
  boss.on('error', (error) => log.warn({ err: error }, 'job queue error'));
  await boss.start();
  const queues = new Set<string>();
  const ensureQueue = async (name: string) => {
    if (queues.has(name)) return;
    await boss.createQueue(name);
    queues.add(name);
  };
  return {
    async send(queue, data = {}, sendOptions = {}) {
      await ensureQueue(queue);
      return boss.send(queue, data, {
        ...(sendOptions.startAfterSeconds ? { startAfter: sendOptions.startAfterSeconds } : {}),
        ...(sendOptions.singletonKey ? { singletonKey: sendOptions.singletonKey } : {}),
        ...(sendOptions.tx ? { db: txDb(sendOptions.tx) } : {}),
      });
    },
    async register(definitions) {
      for (const definition of definitions) {
        await ensureQueue(definition.queue);
        await boss.work<Record<string, unknown>>(
          definition.queue,
          { pollingIntervalSeconds: options.pollSeconds ?? 2, batchSize: 10 },
          async (batch) => {
            // Jobs of a batch succeed or fail one by one: pg-boss completes only those still active.
            for (const job of batch) {
              try {
                await definition.handler(job.data);
              } catch (error) {
                log.warn({ err: error, queue: definition.queue, jobId: job.id }, 'job failed');
                await boss.fail(definition.queue, job.id, { message: String(error) });
              }
            }
          },
        );
        if (definition.cron) await boss.schedule(definition.queue, definition.cron, {}, { retryLimit: definition.retryLimit ?? 3 });
      }
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 5_000 });
    },
  };
}
