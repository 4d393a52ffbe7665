import { verifyStock } from '@bazar/inventory';
import { newId } from '@bazar/kit/ids';
import { type TestService, waitFor } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, startShop } from './support/shop.ts';

let t: TestService;
let shop: ReturnType<typeof client>;
let manager: string;
let admin: string;
let controller: string;
let purchaser: string;
let operator: string;
const pickerId = newId();
let picker: string;

beforeAll(async () => {
  t = await startShop();
  shop = client(t);
  manager = await t.tokens.issue({ roles: ['manager'] });
  admin = await t.tokens.issue({ roles: ['admin'] });
  controller = await t.tokens.issue({ id: newId(), roles: ['controller'] });
  purchaser = await t.tokens.issue({ id: newId(), roles: ['purchaser'] });
  operator = await t.tokens.issue({ roles: ['operator'] });
  picker = await t.tokens.issue({ id: pickerId, roles: ['picker'] });
});
afterAll(() => t?.close());

async function paidOrder(lines: { variantId: string; quantity: number }[]) {
  const id = newId();
  const token = await t.tokens.issue({ id, roles: ['customer'] });
  const [first, ...rest] = lines;
  const cartId = await shop.cartWith(token, first?.variantId ?? '', first?.quantity ?? 1);
  for (const line of rest) {
    expect((await shop.call('POST', `/api/v1/carts/${cartId}/items`, token, line)).status).toBe(201);
  }
  const res = await shop.call('POST', '/api/v1/checkout', token, shop.checkoutBody(cartId), { 'idempotency-key': newId() });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect(res.body.order.status).toBe('paid');
  await t.drainOutboxes();
  return { orderId: res.body.order.id as string, token };
}

const listTasks = async (orderId: string) => (await shop.call('GET', `/api/v1/picking/tasks?orderId=${orderId}`, operator)).body.items;
/** An order's tasks once `count` exist: the relays also run in the background, so a drain may return before their events land. */
async function tasksOf(orderId: string, count = 1) {
  await waitFor(async () => (await listTasks(orderId)).length >= count, 10_000, `${count} picking task(s) of ${orderId}`);
  return listTasks(orderId);
}
/** The order's status once it is `expected` (or the last one seen, after a wait). */
async function orderStatus(orderId: string, token: string, expected: string) {
  const read = async () => (await shop.call('GET', `/api/v1/orders/${orderId}`, token)).body.status as string;
  await waitFor(async () => (await read()) === expected, 10_000, `order ${orderId} ${expected}`).catch(() => undefined);
  return read();
}

async function pick(task: { id: string; lines: { sku: string; quantity: number }[] }) {
  expect((await shop.call('POST', `/api/v1/picking/tasks/${task.id}/claim`, picker)).status).toBe(200);
  for (const line of task.lines) {
    const scanned = await shop.call('POST', `/api/v1/picking/tasks/${task.id}/scan`, picker, { code: line.sku, quantity: line.quantity });
    expect(scanned.status, JSON.stringify(scanned.body)).toBe(200);
  }
  const done = await shop.call('POST', `/api/v1/picking/tasks/${task.id}/complete`, picker);
  expect(done.body.status).toBe('packed');
  await t.drainOutboxes();
}

describe('picking a paid order', () => {
  it('takes a paid order through its task, a refused wrong scan, completion and a check to packed, with the stock shipped', async () => {
    const { variantId, sku } = await shop.product(manager, 50_000, 10);
    const { orderId, token } = await paidOrder([{ variantId, quantity: 2 }]);
    const [task, ...others] = await tasksOf(orderId);
    expect(others).toEqual([]);
    expect(task).toMatchObject({ status: 'pending', lines: [{ sku, quantity: 2, picked: 0, title: expect.any(String) }] });
    expect((await shop.call('POST', `/api/v1/picking/tasks/${task.id}/assign`, operator, { pickerId })).body.status).toBe('assigned');
    const wrong = await shop.call('POST', `/api/v1/picking/tasks/${task.id}/scan`, picker, { code: 'NOT-IN-THIS-ORDER' });
    expect(wrong).toMatchObject({ status: 422, body: { code: 'fulfilment.wrong_item' } });
    expect((await shop.call('POST', `/api/v1/picking/tasks/${task.id}/scan`, picker, { code: sku })).status).toBe(200);
    await t.drainOutboxes();
    expect(await orderStatus(orderId, token, 'picking')).toBe('picking');
    expect((await shop.call('POST', `/api/v1/picking/tasks/${task.id}/scan`, picker, { code: sku })).body.lines[0].picked).toBe(2);
    expect((await shop.call('POST', `/api/v1/picking/tasks/${task.id}/complete`, picker)).body.status).toBe('packed');
    await t.drainOutboxes();
    expect(await orderStatus(orderId, token, 'packed')).toBe('packed');
    expect((await shop.call('POST', `/api/v1/picking/tasks/${task.id}/verify`, controller, { ok: true })).body.status).toBe('verified');
    await waitFor(async () => (await shop.stock(manager, sku)).reserved === 0, 10_000, 'the shipment');
    expect(await shop.stock(manager, sku)).toMatchObject({ onHand: 8, reserved: 0, available: 8 });
    const journal = await shop.call('GET', `/api/v1/inventory/movements?sku=${sku}`, purchaser);
    expect(
      journal.body.items.map((m: { reason: string; onHandDelta: number; reservedDelta: number }) => [
        m.reason,
        m.onHandDelta,
        m.reservedDelta,
      ]),
    ).toEqual([
      ['shipment', -2, -2],
      ['reserve', 0, 2],
      ['initial', 10, 0],
    ]);
    expect((await verifyStock(t.database)).violations).toEqual([]);
  });

  it('splits an order no warehouse can serve alone into two tasks and packs it only when both are done', async () => {
    const a = await shop.product(manager, 10_000, 1);
    const b = await shop.product(manager, 20_000, 0);
    const north = await shop.call('POST', '/api/v1/warehouses', admin, {
      name: `North ${newId()}`,
      city: 'Санкт-Петербург',
      lat: 59.94,
      lon: 30.31,
    });
    expect(north.status).toBe(201);
    const adjusted = await shop.call('POST', '/api/v1/inventory/adjustments', purchaser, {
      sku: b.sku,
      warehouseId: north.body.id,
      delta: 3,
      reason: 'opening stock',
    });
    expect(adjusted.status).toBe(201);
    await t.drainOutboxes();
    const { orderId, token } = await paidOrder([
      { variantId: a.variantId, quantity: 1 },
      { variantId: b.variantId, quantity: 1 },
    ]);
    const tasks = await tasksOf(orderId, 2);
    expect(tasks).toHaveLength(2);
    expect(tasks.map((x: { warehouseId: string }) => x.warehouseId)).toContain(north.body.id);
    await pick(tasks[0]);
    expect(await orderStatus(orderId, token, 'picking')).toBe('picking');
    await pick(tasks[1]);
    expect(await orderStatus(orderId, token, 'packed')).toBe('packed');
    await waitFor(async () => (await shop.stock(manager, b.sku)).reserved === 0, 10_000, 'the shipment');
    expect(await shop.stock(manager, b.sku)).toMatchObject({ onHand: 2, reserved: 0 });
  });

  it('refunds exactly the units an operator removes for a shortage, re-totals the order and releases their stock', async () => {
    const a = await shop.product(manager, 30_000, 5);
    const b = await shop.product(manager, 12_000, 5);
    const { orderId, token } = await paidOrder([
      { variantId: a.variantId, quantity: 2 },
      { variantId: b.variantId, quantity: 2 },
    ]);
    const before = (await shop.call('GET', `/api/v1/orders/${orderId}`, token)).body;
    const [task] = await tasksOf(orderId);
    expect((await shop.call('POST', `/api/v1/picking/tasks/${task.id}/claim`, picker)).status).toBe(200);
    await shop.call('POST', `/api/v1/picking/tasks/${task.id}/scan`, picker, { code: a.sku, quantity: 2 });
    await shop.call('POST', `/api/v1/picking/tasks/${task.id}/scan`, picker, { code: b.sku, quantity: 1 });
    const short = await shop.call('POST', `/api/v1/picking/tasks/${task.id}/shortage`, picker, { sku: b.sku, missing: 1 });
    expect(short.body.status).toBe('short');
    const shortQueue = await shop.call('GET', '/api/v1/picking/tasks?status=short&limit=100', operator);
    expect(shortQueue.body.items.map((x: { id: string }) => x.id)).toContain(task.id);
    const resolved = await shop.call('POST', `/api/v1/picking/tasks/${task.id}/shortage/resolve`, operator, {
      sku: b.sku,
      action: 'remove',
    });
    expect(resolved.body).toMatchObject({ status: 'picking' });
    expect(resolved.body.lines.find((l: { sku: string }) => l.sku === b.sku)).toMatchObject({ quantity: 1, picked: 1, missing: 0 });
    expect((await shop.call('POST', `/api/v1/picking/tasks/${task.id}/complete`, picker)).body.status).toBe('packed');
    await t.drainOutboxes();
    expect(await orderStatus(orderId, token, 'packed')).toBe('packed');
    const read = async () => (await shop.call('GET', `/api/v1/orders/${orderId}`, token)).body;
    await waitFor(async () => (await read()).refunded.amount === 12_000, 15_000, 'the shortage refund recorded');
    const after = await read();
    expect(after.status).toBe('packed');
    expect(after.totals.total.amount).toBe(before.totals.total.amount - 12_000);
    expect(after.totals.subtotal.amount).toBe(before.totals.subtotal.amount - 12_000);
    expect(after.items.find((l: { sku: string }) => l.sku === b.sku)).toMatchObject({
      quantity: 1,
      total: { amount: 12_000 },
      removed: { quantity: 1, refund: { amount: 12_000 } },
    });
    const payment = await shop.call('GET', `/api/v1/payments/${after.payment.id}`, token);
    expect(payment.body.status).toBe('partially_refunded');
    const ledger = await shop.call('GET', `/api/v1/ledger/entries?orderId=${orderId}&limit=100`, controller);
    const refunds = ledger.body.items.filter((e: { kind?: string; type?: string }) => JSON.stringify(e).includes('refund'));
    expect(refunds, JSON.stringify(ledger.body.items)).toHaveLength(1);
    expect(JSON.stringify(refunds[0])).toContain('12000');
    await waitFor(async () => (await shop.stock(manager, b.sku)).reserved === 0, 10_000, 'the shipment');
    expect(await shop.stock(manager, b.sku)).toMatchObject({ onHand: 4, reserved: 0, available: 4 });
    expect((await verifyStock(t.database)).violations).toEqual([]);
  });

  it('receives a purchase order in two parts and audits the result, leaving the books provably right', async () => {
    const { sku } = await shop.product(manager, 10_000, 0);
    const po = await shop.call('POST', '/api/v1/purchase-orders', purchaser, {
      supplier: 'ООО Поставка',
      warehouseId: '01900000-0000-7000-8000-000000000001',
      lines: [{ sku, quantity: 5, unitCost: { amount: 4_000, currency: 'RUB' } }],
    });
    expect(po.status, JSON.stringify(po.body)).toBe(201);
    await shop.call('POST', `/api/v1/purchase-orders/${po.body.id}/receive`, purchaser, { lines: [{ sku, quantity: 2 }] });
    expect((await shop.call('POST', `/api/v1/purchase-orders/${po.body.id}/receive`, purchaser, {})).body.status).toBe('received');
    const audit = await shop.call('POST', '/api/v1/stock-audits', controller, {
      warehouseId: '01900000-0000-7000-8000-000000000001',
      lines: [{ sku, counted: 4 }],
    });
    expect(audit.body.lines).toEqual([{ sku, expected: 5, counted: 4, delta: -1 }]);
    expect(await shop.stock(manager, sku)).toMatchObject({ onHand: 4 });
    const low = await shop.call('GET', '/api/v1/inventory/low-stock?threshold=5&limit=100', purchaser);
    expect(low.body.items.map((i: { sku: string }) => i.sku)).toContain(sku);
    expect((await verifyStock(t.database)).violations).toEqual([]);
  });
});
