import { newId } from '@bazar/kit/ids';
import { type TestService, waitFor } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, startShop } from './support/shop.ts';

let t: TestService;
let shop: ReturnType<typeof client>;
let manager: string;

beforeAll(async () => {
  t = await startShop({ BAZAR_RECONCILE_EVERY_SECONDS: '1', BAZAR_RECONCILE_AFTER_SECONDS: '1' });
  shop = client(t);
  manager = await t.tokens.issue({ roles: ['manager'] });
});
afterAll(() => t?.close());

const customer = async () => {
  const id = newId();
  return { id, token: await t.tokens.issue({ id, roles: ['customer'] }) };
};

/** The cancel's own release calls and its release job both lost, as when a process dies between them. */
async function cancelBehindTheirBacks(orderId: string) {
  await t.database.query(`UPDATE orders.orders SET status = 'cancelled' WHERE id = $1`, [orderId]);
  await t.database.query(`DELETE FROM pgboss.job WHERE data->>'orderId' = $1`, [orderId]);
}

describe('reconcilers of a checkout effects', () => {
  it('release the reservation, give back the promo use and void the payment of an order cancelled without them', async () => {
    const code = `REC${newId().slice(-6).toUpperCase()}`;
    expect((await shop.call('POST', '/api/v1/promotions', manager, { code, type: 'percent', value: 10, usageLimit: 1 })).status).toBe(201);
    const { variantId, sku } = await shop.product(manager, 10_000, 3);
    const alice = await customer();
    const placed = await shop.call(
      'POST',
      '/api/v1/checkout',
      alice.token,
      shop.checkoutBody(await shop.cartWith(alice.token, variantId, 2, code), 'tok_3ds'),
    );
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect(placed.body.order.status).toBe('awaiting_payment');
    expect(await shop.stock(manager, sku)).toMatchObject({ reserved: 2 });

    await cancelBehindTheirBacks(placed.body.order.id);
    await waitFor(async () => (await shop.stock(manager, sku)).reserved === 0, 20_000, 'the reservation released');
    await waitFor(
      async () => (await shop.call('GET', `/api/v1/payments/${placed.body.payment.id}`, alice.token)).body.status !== 'requires_action',
      20_000,
      'the payment voided',
    );
    const [redemption] = await t.database.query<{ status: string }>(`SELECT status FROM promotions.redemptions WHERE order_id = $1`, [
      placed.body.order.id,
    ]);
    await waitFor(
      async () =>
        (
          await t.database.query<{ status: string }>(`SELECT status FROM promotions.redemptions WHERE order_id = $1`, [
            placed.body.order.id,
          ])
        )[0]?.status === 'cancelled',
      20_000,
      `the promo use given back (was ${redemption?.status})`,
    );
  });

  it('refund a captured payment in full when its order ended cancelled, and leave paid orders alone', async () => {
    const { variantId, sku } = await shop.product(manager, 10_000, 5);
    const bob = await customer();
    const kept = await shop.call('POST', '/api/v1/checkout', bob.token, shop.checkoutBody(await shop.cartWith(bob.token, variantId, 1)));
    const lost = await shop.call('POST', '/api/v1/checkout', bob.token, shop.checkoutBody(await shop.cartWith(bob.token, variantId, 2)));
    expect([kept.body.order.status, lost.body.order.status]).toEqual(['paid', 'paid']);
    await cancelBehindTheirBacks(lost.body.order.id);
    await waitFor(
      async () => (await shop.call('GET', `/api/v1/payments/${lost.body.payment.id}`, bob.token)).body.status === 'refunded',
      20_000,
      'the captured payment refunded',
    );
    await waitFor(async () => (await shop.stock(manager, sku)).reserved === 1, 20_000, 'the lost order reservation released');
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await shop.stock(manager, sku)).toMatchObject({ reserved: 1 });
    expect((await shop.call('GET', `/api/v1/payments/${kept.body.payment.id}`, bob.token)).body.status).toBe('captured');
  });
});
