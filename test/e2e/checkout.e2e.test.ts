import { newId } from '@bazar/kit/ids';
import type { TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, startShop } from './support/shop.ts';

let t: TestService;
let shop: ReturnType<typeof client>;
let manager: string;
let controller: string;
const customer = async () => {
  const id = newId();
  return { id, token: await t.tokens.issue({ id, roles: ['customer'] }) };
};

beforeAll(async () => {
  t = await startShop();
  shop = client(t);
  manager = await t.tokens.issue({ roles: ['manager'] });
  controller = await t.tokens.issue({ roles: ['controller'] });
});
afterAll(() => t?.close());

describe('checkout across the real services', () => {
  it('takes a cart to a paid order: stock reserved, payment captured, ledger entry posted', async () => {
    const { variantId, sku } = await shop.product(manager, 129_900, 10);
    const alice = await customer();
    const cartId = await shop.cartWith(alice.token, variantId, 2);
    const res = await shop.call('POST', '/api/v1/checkout', alice.token, shop.checkoutBody(cartId), { 'idempotency-key': newId() });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.order).toMatchObject({
      status: 'paid',
      totals: { subtotal: { amount: 259_800 }, shipping: { amount: 30_000 }, total: { amount: 289_800 } },
    });
    expect(await shop.stock(manager, sku)).toMatchObject({ onHand: 10, reserved: 2, available: 8 });
    const payment = await shop.call('GET', `/api/v1/payments/${res.body.payment.id}`, alice.token);
    expect(payment.body).toMatchObject({ status: 'captured', amount: { amount: 289_800, currency: 'RUB' } });
    const cart = await shop.call('GET', `/api/v1/carts/${cartId}`, alice.token);
    expect(cart.body.status).toBe('checked_out');
    await t.drainOutboxes();
    const entries = await shop.call('GET', `/api/v1/ledger/entries?orderId=${res.body.order.id}`, controller);
    expect(entries.status).toBe(200);
    expect(JSON.stringify(entries.body)).toContain('posted');
  });

  it('sells 5 units to exactly 5 of 20 racing customers and never takes available below 0', async () => {
    const { variantId, sku } = await shop.product(manager, 10_000, 5);
    const carts = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const c = await customer();
        return { ...c, cartId: await shop.cartWith(c.token, variantId, 1) };
      }),
    );
    const results = await Promise.all(carts.map((c) => shop.call('POST', '/api/v1/checkout', c.token, shop.checkoutBody(c.cartId))));
    const placed = results.filter((r) => r.status === 201);
    expect(placed).toHaveLength(5);
    expect(placed.every((r) => r.body.order.status === 'paid')).toBe(true);
    const refused = results.filter((r) => r.status === 409);
    expect(refused).toHaveLength(15);
    expect(refused.every((r) => r.body.code === 'inventory.out_of_stock')).toBe(true);
    expect(await shop.stock(manager, sku)).toMatchObject({ onHand: 5, reserved: 5, available: 0 });
  });

  it('gives at most 3 discounts for a code limited to 3 uses raced by 10 checkouts', async () => {
    const code = `LIMIT3${newId().slice(-6).toUpperCase()}`;
    const created = await shop.call('POST', '/api/v1/promotions', manager, { code, type: 'percent', value: 10, usageLimit: 3 });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { variantId } = await shop.product(manager, 10_000, 100);
    const carts = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const c = await customer();
        return { ...c, cartId: await shop.cartWith(c.token, variantId, 1, code) };
      }),
    );
    const results = await Promise.all(carts.map((c) => shop.call('POST', '/api/v1/checkout', c.token, shop.checkoutBody(c.cartId))));
    const discounted = results.filter((r) => r.status === 201 && r.body.order.totals.discount.amount > 0);
    expect(discounted.length).toBeLessThanOrEqual(3);
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 422).every((r) => String(r.body.code).startsWith('promotions.'))).toBe(true);
  });

  it('leaves stock as it was when the card is declined', async () => {
    const { variantId, sku } = await shop.product(manager, 10_000, 3);
    const bob = await customer();
    const cartId = await shop.cartWith(bob.token, variantId, 3);
    const res = await shop.call('POST', '/api/v1/checkout', bob.token, shop.checkoutBody(cartId, 'tok_decline'));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ order: { status: 'cancelled' }, payment: { status: 'failed' } });
    await t.drainOutboxes();
    expect(await shop.stock(manager, sku)).toMatchObject({ onHand: 3, reserved: 0, available: 3 });
  });

  it('confirms a 3-D Secure payment and the capture event makes the order paid', async () => {
    const { variantId } = await shop.product(manager, 10_000, 3);
    const carol = await customer();
    const cartId = await shop.cartWith(carol.token, variantId, 1);
    const res = await shop.call('POST', '/api/v1/checkout', carol.token, shop.checkoutBody(cartId, 'tok_3ds'));
    expect(res.body.order.status).toBe('awaiting_payment');
    const confirmed = await shop.call('POST', `/api/v1/payments/${res.body.payment.id}/confirm`, carol.token);
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    await t.drainOutboxes();
    expect((await shop.call('GET', `/api/v1/orders/${res.body.order.id}`, carol.token)).body.status).toBe('paid');
  });

  it('cancels a paid order: stock back, payment refunded, promotion use returned', async () => {
    const code = `ONE${newId().slice(-6).toUpperCase()}`;
    await shop.call('POST', '/api/v1/promotions', manager, { code, type: 'fixed', value: 1_000, usageLimit: 1 });
    const { variantId, sku } = await shop.product(manager, 10_000, 2);
    const dave = await customer();
    const cartId = await shop.cartWith(dave.token, variantId, 2, code);
    const placed = await shop.call('POST', '/api/v1/checkout', dave.token, shop.checkoutBody(cartId));
    expect(placed.body.order).toMatchObject({ status: 'paid', totals: { discount: { amount: 1_000 } } });
    const cancelled = await shop.call('POST', `/api/v1/orders/${placed.body.order.id}/cancel`, dave.token, { reason: 'oops' });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    await t.drainOutboxes();
    expect(await shop.stock(manager, sku)).toMatchObject({ available: 2, reserved: 0 });
    expect((await shop.call('GET', `/api/v1/payments/${placed.body.payment.id}`, dave.token)).body.status).toBe('refunded');
    const eve = await customer();
    const again = await shop.cartWith(eve.token, variantId, 1, code);
    expect((await shop.call('POST', '/api/v1/checkout', eve.token, shop.checkoutBody(again))).status).toBe(201);
  });
});
