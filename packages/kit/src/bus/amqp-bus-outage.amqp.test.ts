import amqp from 'amqplib';
import { afterAll, describe, expect, it } from 'vitest';
import { envelope } from '../events/event.ts';
import { createLogger } from '../log.ts';
import { startTcpProxy } from '../tcp-proxy.ts';
import { testAmqpUrl, waitFor } from '../testing.ts';
import { createAmqpBus, exchangeName, queueNames } from './amqp-bus.ts';
import type { Bus } from './bus.ts';

const prefix = `kitoutage${Date.now()}`;
const groups = ['during', 'after'];
// As the services declare every consuming service's queue at connect, publishing never outruns a binding.
const topology = [
  { group: 'during', keys: [`${prefix}.cut.v1`] },
  { group: 'after', keys: [`${prefix}.later.v1`] },
];
const buses: Bus[] = [];
const proxies: Awaited<ReturnType<typeof startTcpProxy>>[] = [];

/** A bus whose broker connection goes through a proxy the test can cut. */
async function busBehindProxy() {
  const target = new URL(testAmqpUrl());
  const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5672) });
  proxies.push(proxy);
  const url = Object.assign(new URL(target.toString()), { port: String(proxy.port()) }).toString();
  const bus = await createAmqpBus({ url, log: createLogger('silent'), prefix, topology });
  buses.push(bus);
  return { bus, proxy };
}

afterAll(async () => {
  for (const bus of buses) await bus.close();
  for (const proxy of proxies) await proxy.down();
  const connection = await amqp.connect(testAmqpUrl());
  const channel = await connection.createChannel();
  for (const group of groups) for (const q of Object.values(queueNames(prefix, group))) await channel.deleteQueue(q);
  await channel.deleteExchange(exchangeName(prefix));
  await connection.close();
});

describe('RabbitMQ bus through a broker outage', () => {
  it('keeps a subscription made while the connection is being cut, and consumes once the broker is back', async () => {
    const { bus, proxy } = await busBehindProxy();
    const seen: string[] = [];
    // A service starting up while the broker goes away: its subscribe must not fail the start.
    const cut = proxy.down();
    await expect(bus.subscribe('during', [`${prefix}.cut.v1`], async (e) => void seen.push(e.id))).resolves.toBeUndefined();
    await cut;
    await bus.broadcast([`${prefix}.cut.v1`], async () => {});
    await proxy.up();
    await waitFor(() => bus.isConnected(), 15_000, 'reconnected');
    const sent = envelope({ type: `${prefix}.cut`, version: 1, data: {} }, 'test');
    await waitFor(
      () =>
        bus.publish(sent).then(
          () => true,
          () => false,
        ),
      15_000,
      'published',
    );
    await waitFor(() => seen.length > 0, 15_000, 'delivered');
    expect(seen).toEqual([sent.id]);
  });

  it('consumes again after a cut that came once every subscription was up, with one consumer per queue', async () => {
    const { bus, proxy } = await busBehindProxy();
    const seen: string[] = [];
    await bus.subscribe('after', [`${prefix}.later.v1`], async (e) => void seen.push(e.id));
    await proxy.down();
    await waitFor(() => !bus.isConnected(), 15_000, 'noticed the cut');
    await proxy.up();
    await waitFor(() => bus.isConnected(), 15_000, 'reconnected');
    const sent = envelope({ type: `${prefix}.later`, version: 1, data: {} }, 'test');
    await bus.publish(sent);
    await waitFor(() => seen.length > 0, 15_000, 'delivered');
    const connection = await amqp.connect(testAmqpUrl());
    const channel = await connection.createChannel();
    const queue = await channel.checkQueue(queueNames(prefix, 'after').main);
    await connection.close();
    expect(queue.consumerCount).toBe(1);
    expect(seen).toEqual([sent.id]);
  });
});
