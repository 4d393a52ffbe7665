import { createAmqpBus } from '@bazar/kit/bus/amqp-bus';
import type { Bus } from '@bazar/kit/bus/bus';
import { envelope } from '@bazar/kit/events/event';
import { createLogger } from '@bazar/kit/log';
import { testAmqpUrl, waitFor } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deleteTestQueues } from '../test/amqp-cleanup.ts';
import { dlqCommand } from './dlq-command.ts';

const prefix = `dlqtest${Date.now()}`;
let bus: Bus;
let healthy = false;
const handled: string[] = [];

beforeAll(async () => {
  process.env.AMQP_URL = testAmqpUrl();
  process.env.AMQP_PREFIX = prefix;
  bus = await createAmqpBus({ url: testAmqpUrl(), log: createLogger('silent'), retry: { maxAttempts: 2, delayMs: () => 20 }, prefix });
  await bus.subscribe('orders', ['payments.payment_captured.v1'], async (e) => {
    if (!healthy) throw new Error('orders cannot take it now');
    handled.push(e.id);
  });
});
afterAll(async () => {
  await bus?.close();
  delete process.env.AMQP_PREFIX;
  await deleteTestQueues(testAmqpUrl(), prefix, ['orders']);
});

async function run(sub: string) {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  try {
    return { code: await dlqCommand(sub, 'orders'), output: lines.join('\n') };
  } finally {
    spy.mockRestore();
  }
}

describe('bazar dlq', () => {
  it('lists a dead-lettered event with its last error, then replays it into its queue', async () => {
    const event = envelope({ type: 'payments.payment_captured', version: 1, data: { orderId: 'o-1' } }, 'payments');
    await bus.publish(event);
    await waitFor(async () => (await run('list')).code === 1, 10_000, 'the event dead-lettered');
    const listed = await run('list');
    expect(listed.output).toContain(event.id);
    expect(listed.output).toContain('orders cannot take it now');
    expect((await run('list')).output).toContain('1 dead letter(s)');

    healthy = true;
    expect((await run('replay')).output).toContain('1 dead letter(s) sent back');
    await waitFor(() => handled.includes(event.id), 10_000, 'the replayed event handled');
    expect(await run('list')).toEqual({ code: 0, output: '0 dead letter(s)' });
  });
});
