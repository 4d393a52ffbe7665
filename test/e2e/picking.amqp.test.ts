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

async function productWith(manager: string, price: number, stock: number) {
  const sku = `AMQP-${newId().slice(-10)}`;
  const created = await shop.call('POST', '/api/v1/products', manager, {
    title: `Product ${sku}`,
    description: 'amqp',
    variants: [{ sku, price, stock }],
  });
  expect(created.status).toBe(201);
  await waitFor(
    async () => (await shop.call('GET', `/api/v1/inventory?sku=${sku}`, manager)).body.length > 0,
    20_000,
    'inventory to learn the SKU',
  );
  return { sku, variantId: created.body.variants[0].id as string };
}

async function paidOrder(lines: { variantId: string; quantity: number }[]) {
  const customer = await t.tokens.issue({ id: newId(), roles: ['customer'] });
  const [first, ...rest] = lines;
  const cartId = await shop.cartWith(customer, first?.variantId ?? '', first?.quantity ?? 1);
  for (const line of rest) expect((await shop.call('POST', `/api/v1/carts/${cartId}/items`, customer, line)).status).toBe(201);
  const checkout = await shop.call('POST', '/api/v1/checkout', customer, shop.checkoutBody(cartId), { 'idempotency-key': newId() });
  expect(checkout.body.order?.status, JSON.stringify(checkout.body)).toBe('paid');
  return { orderId: checkout.body.order.id as string, customer, order: checkout.body.order };
}

describe('picking over RabbitMQ', () => {
  let manager: string;
  let operator: string;
  let controller: string;
  let admin: string;
  const pickerId = newId();
  let picker: string;
  beforeAll(async () => {
    manager = await t.tokens.issue({ roles: ['manager'] });
    operator = await t.tokens.issue({ roles: ['operator'] });
    controller = await t.tokens.issue({ roles: ['controller'] });
    admin = await t.tokens.issue({ roles: ['admin'] });
    picker = await t.tokens.issue({ id: pickerId, roles: ['picker'] });
  });
  const tasksOf = async (orderId: string, count: number) => {
    const list = async () => (await shop.call('GET', `/api/v1/picking/tasks?orderId=${orderId}`, operator)).body.items;
    await waitFor(async () => (await list()).length === count, 20_000, `${count} picking task(s)`);
    return list();
  };
  const statusOf = async (orderId: string, token: string, expected: string) => {
    const read = async () => (await shop.call('GET', `/api/v1/orders/${orderId}`, token)).body.status;
    await waitFor(async () => (await read()) === expected, 20_000, `the order ${expected}`);
  };

  it('takes a paid order to a task, assigned, a wrong code refused, picked, checked and packed with its stock shipped', async () => {
    const { sku, variantId } = await productWith(manager, 10_000, 5);
    const { orderId, customer } = await paidOrder([{ variantId, quantity: 1 }]);
    const [task] = await tasksOf(orderId, 1);
    expect((await shop.call('POST', `/api/v1/picking/tasks/${task.id}/assign`, operator, { pickerId })).body.status).toBe('assigned');
    const wrong = await shop.call('POST', `/api/v1/picking/tasks/${task.id}/scan`, picker, { code: 'NOT-HERE' });
    expect(wrong).toMatchObject({ status: 422, body: { code: 'fulfilment.wrong_item' } });
    expect((await shop.call('POST', `/api/v1/picking/tasks/${task.id}/scan`, picker, { code: sku })).status).toBe(200);
    expect((await shop.call('POST', `/api/v1/picking/tasks/${task.id}/complete`, picker)).body.status).toBe('packed');
    expect((await shop.call('POST', `/api/v1/picking/tasks/${task.id}/verify`, controller, { ok: true })).body.status).toBe('verified');
    await statusOf(orderId, customer, 'packed');
    await waitFor(async () => (await shop.stock(manager, sku)).reserved === 0, 20_000, 'the shipment');
    expect(await shop.stock(manager, sku)).toMatchObject({ onHand: 4, reserved: 0 });
  });

  it('packs an order split over two warehouses only when both tasks are done', async () => {
    const a = await productWith(manager, 10_000, 1);
    const b = await productWith(manager, 20_000, 0);
    const north = await shop.call('POST', '/api/v1/warehouses', admin, {
      name: `North ${newId()}`,
      city: 'Санкт-Петербург',
      lat: 59.94,
      lon: 30.31,
    });
    expect(north.status).toBe(201);
    const purchaser = await t.tokens.issue({ id: newId(), roles: ['purchaser'] });
    const adjusted = await shop.call('POST', '/api/v1/inventory/adjustments', purchaser, {
      sku: b.sku,
      warehouseId: north.body.id,
      delta: 2,
      reason: 'opening stock',
    });
    expect(adjusted.status).toBe(201);
    await waitFor(async () => (await shop.stock(manager, b.sku)).available === 2, 20_000, 'the adjustment');
    const { orderId, customer } = await paidOrder([
      { variantId: a.variantId, quantity: 1 },
      { variantId: b.variantId, quantity: 1 },
    ]);
    const tasks = await tasksOf(orderId, 2);
    for (const [i, task] of tasks.entries()) {
      expect((await shop.call('POST', `/api/v1/picking/tasks/${task.id}/claim`, picker)).status).toBe(200);
      for (const line of task.lines)
        await shop.call('POST', `/api/v1/picking/tasks/${task.id}/scan`, picker, { code: line.sku, quantity: line.quantity });
      expect((await shop.call('POST', `/api/v1/picking/tasks/${task.id}/complete`, picker)).body.status).toBe('packed');
      if (i === 0) {
        await statusOf(orderId, customer, 'picking');
        await new Promise((r) => setTimeout(r, 500));
        expect((await shop.call('GET', `/api/v1/orders/${orderId}`, customer)).body.status).toBe('picking');
      }
    }
    await statusOf(orderId, customer, 'packed');
  });

  it('refunds exactly the units an operator removes for a shortage, in the ledger', async () => {
    const a = await productWith(manager, 30_000, 5);
    const b = await productWith(manager, 12_000, 5);
    const { orderId, customer, order } = await paidOrder([
      { variantId: a.variantId, quantity: 1 },
      { variantId: b.variantId, quantity: 2 },
    ]);
    const [task] = await tasksOf(orderId, 1);
    expect((await shop.call('POST', `/api/v1/picking/tasks/${task.id}/claim`, picker)).status).toBe(200);
    await shop.call('POST', `/api/v1/picking/tasks/${task.id}/scan`, picker, { code: a.sku });
    expect((await shop.call('POST', `/api/v1/picking/tasks/${task.id}/shortage`, picker, { sku: b.sku, missing: 2 })).body.status).toBe(
      'short',
    );
    expect(
      (await shop.call('POST', `/api/v1/picking/tasks/${task.id}/shortage/resolve`, operator, { sku: b.sku, action: 'remove' })).status,
    ).toBe(200);
    expect((await shop.call('POST', `/api/v1/picking/tasks/${task.id}/complete`, picker)).body.status).toBe('packed');
    const read = async () => (await shop.call('GET', `/api/v1/orders/${orderId}`, customer)).body;
    await waitFor(async () => (await read()).refunded.amount === 24_000, 30_000, 'the shortage refund');
    const after = await read();
    expect(after.totals.total.amount).toBe(order.totals.total.amount - 24_000);
    await statusOf(orderId, customer, 'packed');
    const ledger = await shop.call('GET', `/api/v1/ledger/entries?orderId=${orderId}&limit=100`, controller);
    const refunds = ledger.body.items.filter((e: unknown) => JSON.stringify(e).includes('refund'));
    expect(refunds, JSON.stringify(ledger.body.items)).toHaveLength(1);
    expect(JSON.stringify(refunds[0])).toContain('24000');
    await waitFor(async () => (await shop.stock(manager, b.sku)).reserved === 0, 20_000, 'the release');
    expect(await shop.stock(manager, b.sku)).toMatchObject({ onHand: 5, reserved: 0, available: 5 });
  });
});
