import analytics, { rebuildAnalytics } from '@bazar/analytics';
import cart from '@bazar/cart';
import catalog from '@bazar/catalog';
import inventory from '@bazar/inventory';
import { createAmqpBus, exchangeName, queueNames } from '@bazar/kit/bus/amqp-bus';
import type { Bus } from '@bazar/kit/bus/bus';
import { createLogger } from '@bazar/kit/log';
import { startTestService, type TestService, testAmqpUrl } from '@bazar/kit/testing';
import orders from '@bazar/orders';
import payments from '@bazar/payments';
import promotions from '@bazar/promotions';
import rates from '@bazar/rates';
import workforce from '@bazar/workforce';
import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptedRun } from './support/analytics-run.ts';
import { client } from './support/shop.ts';

const prefix = `test${Date.now()}`;
const groups = ['catalog', 'rates', 'inventory', 'promotions', 'payments', 'cart', 'orders', 'analytics', 'workforce'];
let bus: Bus;
let t: TestService;
let shop: ReturnType<typeof client>;

beforeAll(async () => {
  bus = await createAmqpBus({ url: testAmqpUrl(), log: createLogger('silent'), prefix });
  t = await startTestService([catalog, rates, inventory, promotions, payments, cart, orders, analytics, workforce], { bus });
  shop = client(t);
}, 120_000);

afterAll(async () => {
  await t?.close();
  await bus?.close();
  const connection = await amqp.connect(testAmqpUrl());
  const channel = await connection.createChannel();
  for (const group of groups) for (const name of Object.values(queueNames(prefix, group))) await channel.deleteQueue(name);
  await channel.deleteExchange(exchangeName(prefix));
  await connection.close();
});

describe('analytics over RabbitMQ on PostgreSQL', () => {
  it('sums what the orders and payments APIs report once the broker has delivered every event, and a rebuild agrees', async () => {
    // Each step waits for the broker: stock, payments and order moves all travel as events.
    const run = await scriptedRun(t, shop, async () => {
      await t.drainOutboxes();
      await new Promise((r) => setTimeout(r, 500));
      await t.drainOutboxes();
    });
    let summary: Record<string, unknown> = {};
    // Until the figures match and stay put (no event still on its way), on a machine that may be busy.
    let previous = '';
    for (const until = Date.now() + 60_000; Date.now() < until; await new Promise((r) => setTimeout(r, 250))) {
      await t.drainOutboxes();
      summary = await run.read();
      if (matches(summary, run.expected) && JSON.stringify(summary) === previous) break;
      previous = JSON.stringify(summary);
    }
    expect(summary).toMatchObject(run.expected);
    expect((summary.averageOrderValue as { amount: number }).amount).toBe(run.averageOrderValue);
    expect(summary.fulfilment).toMatchObject({ packed: 1, delivered: 1 });
    await rebuildAnalytics(t.database, {});
    expect(await run.read()).toEqual(summary);
  }, 120_000);
});

const matches = (summary: Record<string, unknown>, expected: Record<string, unknown>) =>
  Object.entries(expected).every(([k, v]) => JSON.stringify(summary[k]) === JSON.stringify(v));
