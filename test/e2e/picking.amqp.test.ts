import { createAmqpBus, exchangeName, queueNames } from '@bazar/kit/bus/amqp-bus';
import type { Bus } from '@bazar/kit/bus/bus';
import { newId } from '@bazar/kit/ids';
import { createLogger } from '@bazar/kit/log';
import { type TestService, testAmqpUrl, waitFor } from '@bazar/kit/testing';
import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, startShop } from './support/shop.ts';

const prefix = `test${Date.now()}`;
const groups = ['catalog', 'rates', 'inventory', 'promotions', 'payments', 'cart', 'orders', 'fulfilment'];
let bus: Bus;
let t: TestService;
let shop: ReturnType<typeof client>;

beforeAll(async () => {
  bus = await createAmqpBus({ url: testAmqpUrl(), log: createLogger('silent'), prefix });
  t = await startShop({}, { bus });
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

describe('picking over RabbitMQ', () => {
  it('takes a paid order to a task and, once picked, to packed with its stock shipped', async () => {
    const manager = await t.tokens.issue({ roles: ['manager'] });
    const operator = await t.tokens.issue({ roles: ['operator'] });
    const picker = await t.tokens.issue({ id: newId(), roles: ['picker'] });
    const sku = `AMQP-${newId().slice(-10)}`;
    const created = await shop.call('POST', '/api/v1/products', manager, {
      title: `Product ${sku}`,
      description: 'amqp',
      variants: [{ sku, price: 10_000, stock: 5 }],
    });
    expect(created.status).toBe(201);
    await waitFor(
      async () => (await shop.call('GET', `/api/v1/inventory?sku=${sku}`, manager)).body.length > 0,
      20_000,
      'inventory to learn the SKU',
    );
    const customerId = newId();
    const customer = await t.tokens.issue({ id: customerId, roles: ['customer'] });
    const cartId = await shop.cartWith(customer, created.body.variants[0].id, 1);
    const checkout = await shop.call('POST', '/api/v1/checkout', customer, shop.checkoutBody(cartId), { 'idempotency-key': newId() });
    expect(checkout.body.order?.status, JSON.stringify(checkout.body)).toBe('paid');
    const orderId = checkout.body.order.id;
    const tasks = async () => (await shop.call('GET', `/api/v1/picking/tasks?orderId=${orderId}`, operator)).body.items;
    await waitFor(async () => (await tasks()).length === 1, 20_000, 'the picking task');
    const [task] = await tasks();
    expect((await shop.call('POST', `/api/v1/picking/tasks/${task.id}/claim`, picker)).status).toBe(200);
    expect((await shop.call('POST', `/api/v1/picking/tasks/${task.id}/scan`, picker, { code: sku })).status).toBe(200);
    expect((await shop.call('POST', `/api/v1/picking/tasks/${task.id}/complete`, picker)).body.status).toBe('packed');
    const status = async () => (await shop.call('GET', `/api/v1/orders/${orderId}`, customer)).body.status;
    await waitFor(async () => (await status()) === 'packed', 20_000, 'the order to be packed');
    await waitFor(async () => (await shop.stock(manager, sku)).reserved === 0, 20_000, 'the shipment');
    expect(await shop.stock(manager, sku)).toMatchObject({ onHand: 4, reserved: 0 });
  });
});
