import { newId } from '@bazar/kit/ids';
import { convertMoneyCross } from '@bazar/kit/money';
import { type TestService, waitFor } from '@bazar/kit/testing';
import type { OrdersContext } from '@bazar/orders/app/context';
import { moveOrder } from '@bazar/orders/app/move-order';
import { findOrder } from '@bazar/orders/db/order-repo';
import type { OrderStatus } from '@bazar/orders/domain/order-status';
import { expect } from 'vitest';
import { completedServiceRequest } from './service-run.ts';
import type { client } from './shop.ts';

interface OrderView {
  id: string;
  status: string;
  currency: string;
  exchangeRate: string;
  totals: { total: { amount: number } };
  history: { status: string; at: string }[];
  payment: { id: string } | null;
}

/** Moves an order as fulfilment and delivery would, through orders' own use case (those services are not running here). */
async function walkOrder(t: TestService, orderId: string, statuses: OrderStatus[]) {
  const host = t.services.find((s) => s.definition.name === 'orders');
  const ctx = { deps: host?.deps } as OrdersContext;
  for (const to of statuses) {
    await ctx.deps.uow(async (txc) => {
      const order = await findOrder(txc.tx, orderId, true);
      if (!order) throw new Error(`no order ${orderId}`);
      await moveOrder(ctx, txc, order, to, { actorId: null });
    });
  }
}

/**
 * Eight checkouts (one declined), a cancellation, a full and three partial refunds, a delivery and a
 * return of part of it, and a service request booked, matched and completed; then the
 * figures the summary must show, worked out from the orders and payments APIs alone.
 * `settle` waits until every event has reached analytics (a drain, or the broker's delivery).
 */
export async function scriptedRun(t: TestService, shop: ReturnType<typeof client>, settle: () => Promise<void>) {
  const manager = await t.tokens.issue({ roles: ['manager'] });
  const expensive = await shop.product(manager, 129_900, 100);
  const { variantId } = expensive;
  const cheap = await shop.product(manager, 4_990, 100);
  // Over a broker, inventory learns the SKUs a moment later.
  for (const sku of [expensive.sku, cheap.sku]) {
    await waitFor(
      async () => (await shop.call('GET', `/api/v1/inventory?sku=${sku}`, manager)).body.length > 0,
      20_000,
      `inventory to learn ${sku}`,
    );
  }
  const placed: { order: OrderView; token: string }[] = [];
  for (let i = 0; i < 8; i++) {
    const id = newId();
    const token = await t.tokens.issue({ id, roles: ['customer'] });
    const cartId = await shop.cartWith(token, i % 2 ? cheap.variantId : variantId, 1 + (i % 3));
    const res = await shop.call('POST', '/api/v1/checkout', token, shop.checkoutBody(cartId, i === 7 ? 'tok_decline' : 'tok_success'), {
      'idempotency-key': newId(),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    placed.push({ order: res.body.order, token });
  }
  const [a, b, c, d] = placed;
  expect((await shop.call('POST', `/api/v1/orders/${a?.order.id}/cancel`, a?.token, { reason: 'changed my mind' })).status).toBe(200);
  expect((await shop.call('POST', `/api/v1/orders/${b?.order.id}/refund`, manager, { amount: 1_234, reason: 'scratched' })).status).toBe(
    200,
  );
  expect((await shop.call('POST', `/api/v1/orders/${c?.order.id}/refund`, manager, { reason: 'lost' })).status).toBe(200);
  expect((await shop.call('POST', `/api/v1/orders/${d?.order.id}/refund`, manager, { amount: 500, reason: 'late' })).status).toBe(200);
  expect((await shop.call('POST', `/api/v1/orders/${d?.order.id}/refund`, manager, { amount: 700, reason: 'later' })).status).toBe(200);
  // One order goes all the way to the doorstep, and the customer sends one of its two units back.
  const e = placed[4] as { order: OrderView; token: string };
  await settle();
  await walkOrder(t, e.order.id, ['picking', 'packed', 'shipped', 'delivered']);
  await settle();
  const operator = await t.tokens.issue({ roles: ['operator'] });
  const asked = await shop.call('POST', `/api/v1/orders/${e.order.id}/returns`, e.token, {
    items: [{ variantId, quantity: 1 }],
    reason: 'too heavy',
  });
  expect(asked.status, JSON.stringify(asked.body)).toBe(201);
  expect((await shop.call('POST', `/api/v1/returns/${asked.body.id}/approve`, operator)).status).toBe(200);
  const received = await shop.call('POST', `/api/v1/returns/${asked.body.id}/receive`, operator, {
    items: [{ variantId, quantity: 1, restock: true }],
  });
  expect(received.status, JSON.stringify(received.body)).toBe(200);
  await waitFor(
    async () => {
      await settle();
      return ((await shop.call('GET', `/api/v1/orders/${e.order.id}`, manager)).body.refunded?.amount ?? 0) > 0;
    },
    30_000,
    'the return to be refunded',
  );
  await settle();

  let [count, kept, revenue] = [0, 0, 0];
  const days = new Set<string>();
  for (const { order: first } of placed) {
    const order = (await shop.call('GET', `/api/v1/orders/${first.id}`, manager)).body as OrderView;
    const paidAt = order.history.find((h) => h.status === 'paid')?.at;
    if (!paidAt || !order.payment) continue;
    days.add(paidAt.slice(0, 10));
    const payment = (await shop.call('GET', `/api/v1/payments/${order.payment.id}`, manager)).body as { refunded?: { amount: number } };
    const toBase = (amount: number) => convertMoneyCross({ amount, currency: order.currency }, 'RUB', order.exchangeRate, '1').amount;
    const refunded = order.status === 'refunded' ? order.totals.total.amount : (payment.refunded?.amount ?? 0);
    count++;
    if (order.status !== 'cancelled' && order.status !== 'refunded') kept++;
    revenue += toBase(order.totals.total.amount) - (refunded > 0 ? toBase(refunded) : 0);
  }
  // The service request counts as an order of its type, for the amount its payment captured.
  const service = await completedServiceRequest(t, shop, settle);
  expect(service.currency).toBe('RUB');
  count++;
  kept++;
  revenue += service.amount;
  days.add(service.paidDay);
  expect(count).toBe(8);
  const [from, to] = [[...days].sort()[0], [...days].sort().at(-1)];
  const read = async () => (await shop.call('GET', `/api/v1/analytics/summary?from=${from}&to=${to}`, manager)).body;
  const expected = { orders: count, kept, cancelled: count - kept, revenue: { amount: revenue, currency: 'RUB' } };
  return { expected, averageOrderValue: Math.round(revenue / kept), read, returnedOrderId: e.order.id };
}
