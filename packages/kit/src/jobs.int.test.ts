import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './db/database.ts';
import { createJobs, type Jobs } from './jobs.ts';
import { createLogger } from './log.ts';
import { openTestDatabase, waitFor } from './testing.ts';

let database: Database;
let dispose: () => Promise<void>;
let jobs: Jobs;
const seen: string[] = [];

beforeAll(async () => {
  ({ database, dispose } = await openTestDatabase());
  jobs = await createJobs({ database, log: createLogger('silent'), pollSeconds: 0.5 });
  await jobs.register([{ queue: 'test.record', handler: async (data) => void seen.push(String(data.tag)) }]);
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
});
