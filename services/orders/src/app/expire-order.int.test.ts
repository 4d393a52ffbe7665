import { newId } from '@bazar/kit/ids';
import type { TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { available, fake } from '../../test/fakes/state.ts';
import { api, cartWith, checkoutBody, startOrders, stockedSku } from '../../test/harness.ts';

let t: TestService;
let call: ReturnType<typeof api>;
const customerId = newId();
let token: string;

beforeAll(async () => {
  ({ t } = await startOrders({ ORDER_PAYMENT_TTL: '1s' }));
  call = api(t);
  token = await t.tokens.issue({ id: customerId, roles: ['customer'] });
});
afterAll(() => t?.close());

const waitFor = async (check: () => Promise<boolean>, ms = 15_000) => {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
};
const statusOf = async (orderId: string) => (await call('GET', `/api/v1/orders/${orderId}`, token)).json().status as string;

describe('unpaid order expiry', () => {
  it('cancels an order still awaiting payment after ORDER_PAYMENT_TTL, releasing stock and voiding the payment', async () => {
    const sku = stockedSku(2);
    fake.points.set(customerId, 5);
    const cart = cartWith(customerId, [{ sku, quantity: 2 }]);
    const placed = (await call('POST', '/api/v1/checkout', token, checkoutBody(cart.id, 'tok_3ds', { usePoints: 5 }))).json();
    expect(placed.order.status).toBe('awaiting_payment');
    expect(available(sku)).toBe(0);
    await waitFor(async () => (await statusOf(placed.order.id)) === 'cancelled');
    const order = (await call('GET', `/api/v1/orders/${placed.order.id}`, token)).json();
    expect(order.history.at(-1)).toMatchObject({ status: 'cancelled', actorId: null, note: 'payment not received in time' });
    expect(available(sku)).toBe(2);
    expect(fake.points.get(customerId)).toBe(5);
    expect(fake.payments.get(placed.payment.id)?.status).toBe('voided');
    const events = (await t.outbox('orders')).filter((e) => (e.data as { orderId: string }).orderId === order.id).map((e) => e.type);
    expect(events).toEqual(['order.awaiting_payment', 'order.cancelled']);
  });

  it('leaves a paid order alone', async () => {
    const cart = cartWith(customerId, [{ sku: stockedSku(1), quantity: 1 }]);
    const placed = (await call('POST', '/api/v1/checkout', token, checkoutBody(cart.id))).json();
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await statusOf(placed.order.id)).toBe('paid');
  });

  it('is swept by the periodic job when the per-order job was lost', async () => {
    const sku = stockedSku(1);
    const cart = cartWith(customerId, [{ sku, quantity: 1 }]);
    const placed = (await call('POST', '/api/v1/checkout', token, checkoutBody(cart.id, 'tok_3ds'))).json();
    await t.database.query(`DELETE FROM pgboss.job WHERE name = 'orders.expire_unpaid_order' AND data->>'orderId' = $1`, [placed.order.id]);
    await new Promise((r) => setTimeout(r, 1_200));
    await t.service.deps.jobs.send('orders.expire_unpaid_orders');
    await waitFor(async () => (await statusOf(placed.order.id)) === 'cancelled');
    expect(available(sku)).toBe(1);
  });

  it('gives back stock and payment once inventory and payments answer again, though both were down at expiry', async () => {
    const sku = stockedSku(1);
    const cart = cartWith(customerId, [{ sku, quantity: 1 }]);
    const placed = (await call('POST', '/api/v1/checkout', token, checkoutBody(cart.id, 'tok_3ds'))).json();
    fake.down.add('release').add('void');
    try {
      await waitFor(async () => (await statusOf(placed.order.id)) === 'cancelled');
      await new Promise((r) => setTimeout(r, 500));
      expect(available(sku)).toBe(0);
    } finally {
      fake.down.delete('release');
      fake.down.delete('void');
    }
    await waitFor(async () => available(sku) === 1 && fake.payments.get(placed.payment.id)?.status === 'voided', 20_000);
  });
});
