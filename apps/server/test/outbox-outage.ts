import identity from '@bazar/identity';
import type { Bus } from '@bazar/kit/bus/bus';
import { startTestService, waitFor } from '@bazar/kit/testing';
import { expect } from 'vitest';
import { startRegistrationsConsumer } from './registrations-consumer.ts';

export interface OutageScenario {
  /** The bus identity publishes through. */
  publisherBus: Bus;
  /** The bus the consumer listens on (may be the same). */
  consumerBus: Bus;
  cut(): Promise<void>;
  restore(): Promise<void>;
  group: string;
}

/**
 * Registers users while publishing is impossible, restores it, and checks every
 * `identity.user_registered` reaches the consumer's effect exactly once — also after the
 * outbox re-sends everything (a relay crash between publish and mark).
 */
export async function runOutboxOutageScenario(scenario: OutageScenario) {
  const t = await startTestService(identity, { bus: scenario.publisherBus, start: false, env: { BAZAR_OUTBOX_POLL_MS: '50' } });
  try {
    const consumer = await startRegistrationsConsumer(t.database, scenario.consumerBus, scenario.group);
    await t.service.start();
    const admin = (await t.outbox()).map((e) => (e.data as { userId: string }).userId);
    await waitFor(async () => (await consumer.effects()).length === admin.length, 15_000, 'the admin event');

    await scenario.cut();
    const registered: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: { email: `outage${i}@example.test`, password: 'long-enough', name: `Outage ${i}` },
      });
      expect(res.statusCode, 'registration does not depend on the broker').toBe(201);
      registered.push(res.json().user.id);
    }
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await consumer.effects()).toEqual([...admin].sort());
    const pending = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM identity.outbox WHERE published_at IS NULL');
    expect(pending[0]?.n).toBe(5);

    await scenario.restore();
    const expected = [...admin, ...registered].sort();
    await waitFor(async () => (await consumer.effects()).length >= expected.length, 30_000, 'delivery after the outage');
    expect(await consumer.effects()).toEqual(expected);

    // Everything is sent again, as after a relay crash between publishing and marking: no effect twice.
    await t.database.exec('UPDATE identity.outbox SET published_at = NULL, lease_until = NULL');
    await waitFor(
      async () =>
        (await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM identity.outbox WHERE published_at IS NULL'))[0]?.n === 0,
      30_000,
      'the re-send',
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await consumer.effects()).toEqual(expected);
  } finally {
    await t.close();
  }
}
