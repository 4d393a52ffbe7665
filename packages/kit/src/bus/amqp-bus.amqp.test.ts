import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotYet } from '../errors.ts';
import { envelope } from '../events/event.ts';
import { createLogger } from '../log.ts';
import { testAmqpUrl, waitFor } from '../testing.ts';
import { createAmqpBus, declareAmqpTopology, exchangeName, queueNames } from './amqp-bus.ts';
import type { Bus } from './bus.ts';

const prefix = `kittest${Date.now()}`;
const retry = { maxAttempts: 3, delayMs: (attempt: number) => 50 * attempt, notYetMaxAttempts: 12, notYetDelayMs: () => 30 };
let bus: Bus;

const event = (type: string, data: object) => envelope({ type, version: 1, data }, 'test');

beforeAll(async () => {
  bus = await createAmqpBus({ url: testAmqpUrl(), log: createLogger('silent'), retry, prefix });
});
afterAll(async () => {
  await bus?.close();
  const connection = await amqp.connect(testAmqpUrl());
  const channel = await connection.createChannel();
  for (const group of ['alpha', 'beta', 'flaky', 'poison', 'late', 'older', 'busy'])
    for (const q of Object.values(queueNames(prefix, group))) await channel.deleteQueue(q);
  await channel.deleteExchange(exchangeName(prefix));
  await connection.close();
});

describe('RabbitMQ bus', () => {
  it('delivers an event to every subscribing group, by routing key only', async () => {
    const alpha: string[] = [];
    const beta: string[] = [];
    await bus.subscribe('alpha', [`${prefix}.thing_done.v1`], async (e) => void alpha.push(e.id));
    await bus.subscribe('beta', [`${prefix}.thing_done.v1`, `${prefix}.other.v1`], async (e) => void beta.push(e.id));
    const done = event(`${prefix}.thing_done`, { n: 1 });
    const other = event(`${prefix}.other`, { n: 2 });
    await bus.publish(done);
    await bus.publish(other);
    await waitFor(() => alpha.length === 1 && beta.length === 2);
    expect(alpha).toEqual([done.id]);
    expect(beta.sort()).toEqual([done.id, other.id].sort());
  });

  it('retries a failing handler with growing delays and acks once it succeeds', async () => {
    const attempts: number[] = [];
    await bus.subscribe('flaky', [`${prefix}.flaky.v1`], async () => {
      attempts.push(Date.now());
      if (attempts.length < 3) throw new Error('not yet');
    });
    await bus.publish(event(`${prefix}.flaky`, {}));
    await waitFor(() => attempts.length === 3);
    await new Promise((r) => setTimeout(r, 300));
    expect(attempts).toHaveLength(3);
    const [first = 0, second = 0, third = 0] = attempts;
    expect(second - first).toBeGreaterThanOrEqual(45);
    expect(third - second).toBeGreaterThanOrEqual(95);
  });

  it('parks a message that keeps failing in the dead-letter queue after the last attempt', async () => {
    let attempts = 0;
    await bus.subscribe('poison', [`${prefix}.poison.v1`], async () => {
      attempts++;
      throw new Error('always');
    });
    const poison = event(`${prefix}.poison`, { bad: true });
    await bus.publish(poison);
    const connection = await amqp.connect(testAmqpUrl());
    try {
      const channel = await connection.createChannel();
      const dead = queueNames(prefix, 'poison').dead;
      await waitFor(async () => (await channel.checkQueue(dead)).messageCount === 1);
      expect(attempts).toBe(3);
      const message = await channel.get(dead, { noAck: true });
      expect(message && JSON.parse(message.content.toString()).id).toBe(poison.id);
    } finally {
      await connection.close();
    }
  });

  it('refuses to publish while the broker is unreachable instead of losing the event', async () => {
    const offline = await createAmqpBus({ url: 'amqp://guest:guest@127.0.0.1:1', log: createLogger('silent'), prefix });
    try {
      expect(offline.isConnected()).toBe(false);
      await expect(offline.publish(event(`${prefix}.x`, {}))).rejects.toThrow('broker unavailable');
    } finally {
      await offline.close();
    }
  });

  it('retries a handler answering "not yet" past the ordinary attempts instead of dead-lettering it', async () => {
    let attempts = 0;
    const handled: string[] = [];
    await bus.subscribe('late', [`${prefix}.captured.v1`], async (e) => {
      if (++attempts < 8) throw new NotYet('order still being written');
      handled.push(e.id);
    });
    const late = event(`${prefix}.captured`, {});
    await bus.publish(late);
    await waitFor(() => handled.length === 1, 10_000, 'the event handled at last');
    expect(attempts).toBe(8);
    const connection = await amqp.connect(testAmqpUrl());
    const channel = await connection.createChannel();
    expect((await channel.checkQueue(queueNames(prefix, 'late').dead)).messageCount).toBe(0);
    await connection.close();
  });

  it('declares quorum queues: asking for the same names as classic queues is refused', async () => {
    await bus.subscribe('alpha', [`${prefix}.thing_done.v1`], async () => {});
    const connection = await amqp.connect(testAmqpUrl());
    try {
      const names = queueNames(prefix, 'alpha');
      const retry = {
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': names.main,
        'x-dead-letter-strategy': 'at-least-once',
        'x-overflow': 'reject-publish',
      };
      for (const [name, args] of [
        [names.main, {}],
        [names.retry, retry],
        [names.dead, {}],
      ] as const) {
        const channel = await connection.createChannel();
        channel.on('error', () => {});
        await expect(channel.assertQueue(name, { durable: true, arguments: { ...args, 'x-queue-type': 'classic' } })).rejects.toThrow(
          /inequivalent arg 'x-queue-type'.*current is 'quorum'/,
        );
      }
    } finally {
      await connection.close();
    }
  });

  it("keeps an older install's classic queue working, and bazar migrate turns it into a quorum queue once it is empty", async () => {
    const connection = await amqp.connect(testAmqpUrl());
    try {
      const setup = await connection.createChannel();
      const older = queueNames(prefix, 'older');
      const busy = queueNames(prefix, 'busy');
      for (const name of [...Object.values(older), ...Object.values(busy)]) await setup.assertQueue(name, { durable: true });
      setup.sendToQueue(busy.main, Buffer.from('{}'));
      const handled: string[] = [];
      await bus.subscribe('older', [`${prefix}.older.v1`], async (e) => void handled.push(e.id));
      const sent = event(`${prefix}.older`, {});
      await bus.publish(sent);
      await waitFor(() => handled.length === 1, 10_000, 'the event through the classic queue');
      expect(handled).toEqual([sent.id]);

      await bus.close();
      const declared = await declareAmqpTopology({
        url: testAmqpUrl(),
        prefix,
        topology: [
          { group: 'older', keys: [`${prefix}.older.v1`] },
          { group: 'busy', keys: [] },
        ],
      });
      expect(declared.converted.sort()).toEqual([...Object.values(older), busy.retry, busy.dead].sort());
      expect(declared.classic).toEqual([busy.main]);
      const probe = await connection.createChannel();
      probe.on('error', () => {});
      await expect(probe.assertQueue(older.main, { durable: true, arguments: { 'x-queue-type': 'classic' } })).rejects.toThrow(/quorum/);
      // The converted queue is bound again: an event reaches it.
      const check = await connection.createConfirmChannel();
      check.publish(exchangeName(prefix), `${prefix}.older.v1`, Buffer.from('{}'));
      await check.waitForConfirms();
      await waitFor(async () => (await check.checkQueue(older.main)).messageCount === 1, 5_000, 'a message in the converted queue');
    } finally {
      await connection.close();
    }
  });
});
