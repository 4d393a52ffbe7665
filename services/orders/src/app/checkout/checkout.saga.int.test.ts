import { newId } from '@bazar/kit/ids';
import type { TestService } from '@bazar/kit/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { available, fake } from '../../../test/fakes/state.ts';
import { api, cartWith, checkoutBody, startOrders, stockedSku } from '../../../test/harness.ts';
import { CHECKOUT_STEPS } from './checkout.saga.ts';

let t: TestService;
let faults: { step: string | undefined };
let call: ReturnType<typeof api>;

beforeAll(async () => {
  ({ t, faults } = await startOrders());
  call = api(t);
});
afterEach(() => {
  faults.step = undefined;
  fake.down.clear();
});
afterAll(() => t?.close());

/** A customer with points, a limited promo code and a cart using both. */
async function scenario() {
  const customerId = newId();
  const token = await t.tokens.issue({ id: customerId, roles: ['customer'] });
  const code = `ONCE${newId().slice(-8).toUpperCase()}`;
  fake.promos.set(code, { type: 'fixed', value: 1_000, usageLimit: 1, used: 0 });
  fake.points.set(customerId, 30);
  const sku = stockedSku(4);
  const cart = cartWith(customerId, [{ sku, quantity: 3 }], { promoCode: code });
  return { customerId, token, code, sku, cart };
}

/** Nothing left behind: stock, promotion use and points as before; no live order; no money kept. */
async function expectNothingLeft(s: Awaited<ReturnType<typeof scenario>>) {
  expect(available(s.sku)).toBe(4);
  expect(fake.promos.get(s.code)?.used).toBe(0);
  expect(fake.points.get(s.customerId)).toBe(30);
  expect(fake.carts.get(s.cart.id)).toMatchObject({ status: 'open', orderId: null });
  const rows = await t.database.query<{ id: string; status: string }>('SELECT id, status FROM orders.orders WHERE customer_id = $1', [
    s.customerId,
  ]);
  // Cancelled, or refunded when the capture event marked it paid before the payment was voided.
  expect(rows.every((r) => r.status === 'cancelled' || r.status === 'refunded')).toBe(true);
  const money = [...fake.payments.values()].filter((p) => rows.some((r) => r.id === p.orderId));
  expect(money.every((p) => ['voided', 'refunded', 'failed'].includes(p.status))).toBe(true);
  const [checkout] = await t.database.query<{ status: string; error: { detail?: string; compensation?: unknown[] } | null }>(
    'SELECT status, error FROM orders.checkouts WHERE customer_id = $1',
    [s.customerId],
  );
  expect(checkout?.status).toBe('compensated');
  // Why it failed stays on the row, and nothing was left that compensation could not undo.
  expect(checkout?.error).toMatchObject({ detail: expect.any(String), compensation: [] });
}

describe('checkout saga compensation', () => {
  it.each(CHECKOUT_STEPS.map((s) => s.name))('undoes every earlier step when killed right after %s', async (step) => {
    const s = await scenario();
    faults.step = step;
    const res = await call('POST', '/api/v1/checkout', s.token, checkoutBody(s.cart.id, 'tok_success', { usePoints: 30 }));
    expect(res.statusCode, res.body).toBe(503);
    expect(res.json().code).toBe('orders.checkout_failed');
    await expectNothingLeft(s);
    await t.drainOutboxes();
    await expectNothingLeft(s);
  });

  it('lets the customer retry the same cart after a compensated failure', async () => {
    const s = await scenario();
    faults.step = 'reserve-stock';
    expect((await call('POST', '/api/v1/checkout', s.token, checkoutBody(s.cart.id))).statusCode).toBe(503);
    faults.step = undefined;
    const retry = await call('POST', '/api/v1/checkout', s.token, checkoutBody(s.cart.id));
    expect(retry.statusCode, retry.body).toBe(201);
    expect(retry.json().order.status).toBe('paid');
    expect(available(s.sku)).toBe(1);
  });

  it.each([
    ['cart', 503],
    ['reserve', 503],
    ['redeem', 503],
    ['hold', 503],
    ['payment', 503],
  ])('compensates and keeps the upstream problem when %s is down', async (service, status) => {
    const s = await scenario();
    fake.down.add(service);
    const res = await call('POST', '/api/v1/checkout', s.token, checkoutBody(s.cart.id, 'tok_success', { usePoints: 30 }));
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe('platform.service_unreachable');
    await expectNothingLeft(s);
  });

  it('gives the reservation back when the promo code is exhausted (422)', async () => {
    const s = await scenario();
    fake.promos.set(s.code, { type: 'fixed', value: 1_000, usageLimit: 1, used: 1 });
    const res = await call('POST', '/api/v1/checkout', s.token, checkoutBody(s.cart.id));
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('promotions.exhausted');
    expect(available(s.sku)).toBe(4);
    expect(fake.promos.get(s.code)?.used).toBe(1);
  });

  it('gives the reservation and the promotion back when points are short (422)', async () => {
    const s = await scenario();
    const res = await call('POST', '/api/v1/checkout', s.token, checkoutBody(s.cart.id, 'tok_success', { usePoints: 31 }));
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('promotions.insufficient_points');
    await expectNothingLeft(s);
  });

  it('refuses a second live checkout of the same cart with 409', async () => {
    const s = await scenario();
    const results = await Promise.all([1, 2, 3].map(() => call('POST', '/api/v1/checkout', s.token, checkoutBody(s.cart.id))));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(2);
    expect(available(s.sku)).toBe(1);
  });

  it('compensates a checkout a crash left running, by the ids derived from it', async () => {
    const s = await scenario();
    faults.step = 'hold-points';
    // Simulate the crash: the failure is injected, then the row is put back to `running` as if nobody compensated.
    const reservationProbe = fake.reservations.size;
    await call('POST', '/api/v1/checkout', s.token, checkoutBody(s.cart.id, 'tok_success', { usePoints: 30 }));
    expect(fake.reservations.size).toBe(reservationProbe + 1);
    faults.step = undefined;
    const [row] = await t.database.query<{ id: string; state: { reservationId: string } }>(
      'SELECT id, state FROM orders.checkouts WHERE customer_id = $1',
      [s.customerId],
    );
    const reservation = fake.reservations.get(row?.state.reservationId ?? '');
    if (!reservation) throw new Error('no reservation');
    reservation.status = 'reserved';
    (fake.stock.get(s.sku) as { reserved: number }).reserved += 3;
    await t.database.query(`UPDATE orders.checkouts SET status = 'running', updated_at = now() - interval '1 hour' WHERE id = $1`, [
      row?.id,
    ]);
    await t.service.deps.jobs.send('orders.recover_checkouts');
    const until = Date.now() + 15_000;
    while (available(s.sku) !== 4 && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
    expect(available(s.sku)).toBe(4);
    const [after] = await t.database.query<{ status: string }>('SELECT status FROM orders.checkouts WHERE id = $1', [row?.id]);
    expect(after?.status).toBe('compensated');
  });
});
