import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bus } from '../bus/bus.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../testing.ts';
import { type EventEnvelope, envelope } from './event.ts';
import { createOutboxRelay, type OutboxRelay } from './outbox.ts';

let database: Database;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ database, dispose } = await openTestDatabase());
  await database.exec(`CREATE SCHEMA relay_test;
    CREATE TABLE relay_test.outbox (id uuid PRIMARY KEY, type text NOT NULL, envelope jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(), attempts integer NOT NULL DEFAULT 0, lease_until timestamptz,
      published_at timestamptz, last_error text);
    CREATE INDEX outbox_pending_idx ON relay_test.outbox (id) WHERE published_at IS NULL`);
});
afterAll(() => dispose?.());

/** A bus that keeps what it was given, and can be told to refuse. */
function recordingBus() {
  const seen: EventEnvelope[] = [];
  const bus = {
    kind: 'memory' as const,
    refusing: false,
    async publish(env: EventEnvelope) {
      if (bus.refusing) throw new Error('broker down');
      seen.push(env);
    },
    subscribe: async () => {},
    broadcast: async () => {},
    isConnected: () => true,
    close: async () => {},
  };
  return { bus: bus as Bus & { refusing: boolean }, seen };
}

/** A relay of the test outbox onto `bus`, polling every 20 ms, 10 rows a claim unless told. */
const relayFor = (bus: Bus, options: { pollMs?: number; batchSize?: number } = {}) =>
  createOutboxRelay({ database, schema: 'relay_test', bus, log: pino({ level: 'silent' }), pollMs: 20, batchSize: 10, ...options });

/** Drains while the bus refuses (all `pending` rows stay unpublished), then again once it is back; answers the second drain. */
async function drainAfterRefusal(bus: ReturnType<typeof recordingBus>['bus'], relay: OutboxRelay, pending: number) {
  bus.refusing = true;
  await expect(relay.drain()).rejects.toThrow('broker down');
  expect(await unpublished()).toBe(pending);
  bus.refusing = false;
  // The refused rows wait out a short lease before they are claimed again.
  await database.query('UPDATE relay_test.outbox SET lease_until = NULL WHERE published_at IS NULL');
  return relay.drain();
}

async function write(count: number, snapshotOf?: (i: number) => string | undefined) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const of = snapshotOf?.(i);
    const env = envelope({ type: 'test.happened', version: 1, data: { i }, ...(of ? { snapshotOf: of } : {}) }, 'relay-test');
    await database.query('INSERT INTO relay_test.outbox (id, type, envelope) VALUES ($1, $2, $3)', [env.id, env.type, env]);
    ids.push(env.id);
  }
  return ids;
}

const unpublished = async () =>
  (await database.query<{ n: number }>('SELECT count(*)::int AS n FROM relay_test.outbox WHERE published_at IS NULL'))[0]?.n;

describe('the outbox relay', () => {
  it('publishes in id order, in batches, and marks every row once it has nothing more to claim', async () => {
    const { bus, seen } = recordingBus();
    const relay = relayFor(bus);
    const ids = await write(25);
    expect(await relay.drain()).toBe(25);
    expect(seen.map((e) => e.id)).toEqual(ids);
    expect(await unpublished()).toBe(0);
    expect(await relay.drain()).toBe(0);
    expect(seen).toHaveLength(25);
  });

  it('keeps publishing under a stream of commits and leaves nothing unmarked when the stream stops', async () => {
    const { bus, seen } = recordingBus();
    const relay = relayFor(bus, { pollMs: 50, batchSize: 5 });
    relay.start();
    const ids: string[] = [];
    for (let round = 0; round < 10; round++) {
      ids.push(...(await write(3)));
      relay.kick();
    }
    const until = Date.now() + 10_000;
    while (((await unpublished()) ?? 1) > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    await relay.stop();
    expect(await unpublished()).toBe(0);
    expect(seen.map((e) => e.id)).toEqual(ids);
  });

  it('marks what went out before the bus refused, and sends the rest once it is back', async () => {
    const { bus, seen } = recordingBus();
    const relay = relayFor(bus);
    const ids = await write(4);
    expect(await drainAfterRefusal(bus, relay, 4)).toBe(4);
    expect(seen.map((e) => e.id)).toEqual(ids);
    expect(await unpublished()).toBe(0);
  });

  it('sends only the newest snapshot of each thing in a batch, and marks the ones it stands for', async () => {
    const { bus, seen } = recordingBus();
    const relay = relayFor(bus, { batchSize: 100 });
    // Snapshots of A (0, 2, 4), of B (1, 5), and plain events (3, 6) that are all sent.
    const of = (i: number) => ({ 0: 'A', 2: 'A', 4: 'A', 1: 'B', 5: 'B' })[i];
    const ids = await write(7, of);
    expect(await relay.drain()).toBe(7);
    expect(seen.map((e) => e.data)).toEqual([{ i: 3 }, { i: 4 }, { i: 5 }, { i: 6 }]);
    expect(seen.map((e) => e.id)).toEqual([ids[3], ids[4], ids[5], ids[6]]);
    expect(await unpublished()).toBe(0);
  });

  it('keeps an obsolete snapshot unsent and unmarked when the newer one is refused', async () => {
    const { bus, seen } = recordingBus();
    const relay = relayFor(bus, { batchSize: 100 });
    const ids = await write(2, () => 'C');
    expect(await drainAfterRefusal(bus, relay, 2)).toBe(2);
    expect(seen.map((e) => e.id)).toEqual([ids[1]]);
    expect(await unpublished()).toBe(0);
  });
});
