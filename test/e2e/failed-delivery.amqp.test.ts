import { createAmqpBus, exchangeName, queueNames } from '@bazar/kit/bus/amqp-bus';
import type { Bus } from '@bazar/kit/bus/bus';
import { createLogger } from '@bazar/kit/log';
import { testAmqpUrl } from '@bazar/kit/testing';
import amqp from 'amqplib';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { FAILED_DELIVERY_GROUPS, runFailedDeliveries, startFailedDeliveries } from './support/failed-delivery-run.ts';

const prefix = `faileddelivery${Date.now()}`;
let bus: Bus;
let run: Awaited<ReturnType<typeof startFailedDeliveries>>;

beforeAll(async () => {
  bus = await createAmqpBus({ url: testAmqpUrl(), log: createLogger('silent'), prefix });
  run = await startFailedDeliveries({ bus });
}, 120_000);
afterAll(async () => {
  await run?.t.close();
  await bus?.close();
  const connection = await amqp.connect(testAmqpUrl());
  const channel = await connection.createChannel();
  for (const group of FAILED_DELIVERY_GROUPS) for (const name of Object.values(queueNames(prefix, group))) await channel.deleteQueue(name);
  await channel.deleteExchange(exchangeName(prefix));
  await connection.close();
});

describe('a delivery that fails, over RabbitMQ', () => {
  it('returns both parcels to the shelf, refunds cards and points exactly, and every book balances', async () => {
    await runFailedDeliveries(run);
  }, 120_000);
});
