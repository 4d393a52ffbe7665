import { newId } from '@bazar/kit/ids';
import { type TestService, waitFor } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fake } from '../../test/fakes/state.ts';
import { api, cartWith, checkoutBody, startOrders, stockedSku, walkOrder } from '../../test/harness.ts';

let t: TestService;
let call: ReturnType<typeof api>;
const customerId = newId();
let token: string;
let operator: string;

beforeAll(async () => {
  ({ t } = await startOrders({ RETURN_WINDOW_DAYS: '14' }));
  call = api(t);
  token = await t.tokens.issue({ id: customerId, roles: ['customer'] });
  operator = await t.tokens.issue({ roles: ['operator'] });
});
afterAll(() => t?.close());

/** A delivered order of 2 × A and 1 × B at 100.00 each (plus 300.00 shipping), paid by card. */
async function deliveredOrder() {
  const a = stockedSku(5);
  const b = stockedSku(5);
  const cart = cartWith(customerId, [
    { sku: a, quantity: 2 },
    { sku: b, quantity: 1 },
  ]);
  const res = await call('POST', '/api/v1/checkout', token, checkoutBody(cart.id));
  const { order, payment } = res.json() as { order: { id: string; items: { variantId: string; sku: string }[] }; payment: { id: string } };
  await walkOrder(t, order.id, ['picking', 'packed', 'shipped', 'delivered']);
  const variantOf = (sku: string) => order.items.find((i) => i.sku === sku)?.variantId as string;
  return { orderId: order.id, paymentId: payment.id, a: variantOf(a), b: variantOf(b) };
}
const ask = (orderId: string, items: { variantId: string; quantity: number }[], who = token) =>
  call('POST', `/api/v1/orders/${orderId}/returns`, who, { items, reason: 'не подошёл размер' });
const published = async (returnId: string) =>
  (await t.outbox()).filter((e) => (e.data as { returnId?: string }).returnId === returnId).map((e) => ({ type: e.type, data: e.data }));

describe('returns', () => {
  it('asks, approves and receives: the received part is refunded once and return.received says what goes back to stock', async () => {
    const { orderId, paymentId, a, b } = await deliveredOrder();
    const asked = await ask(orderId, [
      { variantId: a, quantity: 2 },
      { variantId: b, quantity: 1 },
    ]);
    expect(asked.statusCode, asked.body).toBe(201);
    const returnId = asked.json().id as string;
    expect(asked.json()).toMatchObject({
      status: 'requested',
      items: [
        { variantId: a, quantity: 2 },
        { variantId: b, quantity: 1 },
      ],
    });
    expect((await call('POST', `/api/v1/returns/${returnId}/approve`, operator)).json()).toMatchObject({ status: 'approved' });
    const received = await call('POST', `/api/v1/returns/${returnId}/receive`, operator, {
      items: [
        { variantId: a, quantity: 1, restock: true },
        { variantId: b, quantity: 1, restock: false },
      ],
    });
    expect(received.statusCode, received.body).toBe(200);
    expect(received.json()).toMatchObject({ status: 'received', refund: { amount: 20_000, currency: 'RUB' } });
    expect(fake.payments.get(paymentId)).toMatchObject({ status: 'partially_refunded', refunded: 20_000 });
    await t.drainOutboxes();
    await waitFor(async () => (await call('GET', `/api/v1/orders/${orderId}`, token)).json().refunded.amount === 20_000);
    expect((await call('GET', `/api/v1/orders/${orderId}`, token)).json().status).toBe('delivered');
    const events = await published(returnId);
    expect(events.map((e) => e.type)).toEqual(['return.requested', 'return.approved', 'return.received']);
    expect(events.at(-1)?.data).toMatchObject({
      refund: { amount: 20_000 },
      lines: [
        { variantId: a, quantity: 1, restock: true },
        { variantId: b, quantity: 1, restock: false },
      ],
    });
    expect(
      (await call('POST', `/api/v1/returns/${returnId}/receive`, operator, { items: [{ variantId: a, quantity: 1, restock: true }] }))
        .statusCode,
    ).toBe(409);
  });

  it('refuses more than was delivered and not returned yet (422), other people (403), undelivered orders (409), bad input (400)', async () => {
    const { orderId, a } = await deliveredOrder();
    expect((await ask(orderId, [{ variantId: a, quantity: 1 }])).statusCode).toBe(201);
    const tooMany = await ask(orderId, [{ variantId: a, quantity: 2 }]);
    expect(tooMany.json()).toMatchObject({ status: 422, code: 'orders.return_exceeds_delivered' });
    expect((await ask(orderId, [{ variantId: newId(), quantity: 1 }])).statusCode).toBe(422);
    const stranger = await t.tokens.issue({ roles: ['customer'] });
    expect((await ask(orderId, [{ variantId: a, quantity: 1 }], stranger)).statusCode).toBe(403);
    expect((await call('POST', `/api/v1/orders/${orderId}/returns`, token, { items: [], reason: '' })).statusCode).toBe(400);
    const sku = stockedSku(1);
    const paid = await call('POST', '/api/v1/checkout', token, checkoutBody(cartWith(customerId, [{ sku, quantity: 1 }]).id));
    expect((await ask(paid.json().order.id, [{ variantId: newId(), quantity: 1 }])).json()).toMatchObject({ status: 409 });
  });

  it('rejects with a reason; the items may then be asked for again; customers see only their own and cannot decide', async () => {
    const { orderId, a } = await deliveredOrder();
    const first = (await ask(orderId, [{ variantId: a, quantity: 2 }])).json();
    expect((await call('POST', `/api/v1/returns/${first.id}/approve`, token)).statusCode).toBe(403);
    const rejected = await call('POST', `/api/v1/returns/${first.id}/reject`, operator, { reason: 'следы носки' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionNote: 'следы носки' });
    expect((await ask(orderId, [{ variantId: a, quantity: 2 }])).statusCode).toBe(201);
    const mine = (await call('GET', '/api/v1/returns?limit=100', token)).json().items as { customerId: string }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.customerId === customerId)).toBe(true);
    const other = await t.tokens.issue({ roles: ['customer'] });
    expect((await call('GET', '/api/v1/returns', other)).json().items).toEqual([]);
    expect((await call('GET', '/api/v1/returns?status=rejected', operator)).json().items.map((r: { id: string }) => r.id)).toContain(
      first.id,
    );
  });

  it('closes the window RETURN_WINDOW_DAYS after delivery', async () => {
    const { orderId, a } = await deliveredOrder();
    await t.database.query(
      `UPDATE orders.status_history SET at = now() - interval '15 days' WHERE order_id = $1 AND to_status = 'delivered'`,
      [orderId],
    );
    expect((await ask(orderId, [{ variantId: a, quantity: 1 }])).json()).toMatchObject({
      status: 422,
      code: 'orders.return_window_closed',
    });
  });
});
