import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './db/database.ts';
import { createJobs, type Jobs } from './jobs.ts';
import { createLogger } from './log.ts';
import { openTestDatabase, waitFor } from './testing.ts';

let database: Database;
let dispose: () => Promise<void>;
let jobs: Jobs;
const seen: string[] = [];
let ticks = 0;

beforeAll(async () => {
  ({ database, dispose } = await openTestDatabase());
  jobs = await createJobs({ database, log: createLogger('silent'), pollSeconds: 0.5 });
  await jobs.register([
    { queue: 'test.record', handler: async (data) => void seen.push(String(data.tag)) },
    { queue: 'test.release', retryLimit: 7, retryDelaySeconds: 3, expireInSeconds: 45, handler: async () => {} },
    { queue: 'test.tick', everySeconds: 1, handler: async () => void ticks++ },
  ]);
});
afterAll(async () => {
  await jobs?.stop();
  await dispose?.();
});

describe('jobs', () => {
  it('runs a job sent outside a transaction', async () => {
    await jobs.send('test.record', { tag: 'plain' });
    await waitFor(() => seen.includes('plain'));
  });

  it('runs a job enqueued in a committed transaction and never one from a rolled-back one', async () => {
    await database.db.transaction(async (tx) => {
      await jobs.send('test.record', { tag: 'committed' }, { tx });
    });
    await database.db
      .transaction(async (tx) => {
        await jobs.send('test.record', { tag: 'rolled-back' }, { tx });
        throw new Error('abort');
      })
      .catch(() => {});
    await waitFor(() => seen.includes('committed'));
    await new Promise((r) => setTimeout(r, 1_000));
    expect(seen).not.toContain('rolled-back');
  });

  it('holds a delayed job enqueued in a transaction until its time', async () => {
    const sentAt = Date.now();
    await database.db.transaction(async (tx) => {
      await jobs.send('test.record', { tag: 'delayed-in-tx' }, { tx, startAfterSeconds: 1 });
    });
    await waitFor(() => seen.includes('delayed-in-tx'));
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(900);
  });

  it('holds a delayed job until its time', async () => {
    const sentAt = Date.now();
    await jobs.send('test.record', { tag: 'delayed' }, { startAfterSeconds: 2 });
    await waitFor(() => seen.includes('delayed'));
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(1_900);
  });

  it("gives a sent job its queue's retries, growing delays and expiry instead of pg-boss's defaults", async () => {
    const defined = await jobs.send('test.release', { tag: 'r' });
    const plain = await database.db.transaction((tx) => jobs.send('test.record', { tag: 'defaults' }, { tx, startAfterSeconds: 60 }));
    const rows = await database.query<{ id: string; retry_limit: number; retry_delay: number; retry_backoff: boolean; expire: number }>(
      `SELECT id, retry_limit, retry_delay, retry_backoff, extract(epoch from expire_in)::int AS expire FROM pgboss.job WHERE id = ANY($1::uuid[])`,
      [[defined, plain]],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(String(defined))).toMatchObject({ retry_limit: 7, retry_delay: 3, retry_backoff: true, expire: 45 });
    expect(byId.get(String(plain))).toMatchObject({ retry_limit: 10, retry_delay: 2, retry_backoff: true, expire: 300 });
  });

  it('runs a job every few seconds when its period is under a minute', async () => {
    await waitFor(() => ticks >= 2, 10_000, 'two runs of a one-second job');
  });
});
