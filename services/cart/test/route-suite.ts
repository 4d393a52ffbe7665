import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgCartStore } from '../src/db/pg-cart-store.ts';
import { addItem, type Cart, reopen } from '../src/domain/cart.ts';
import cart from '../src/index.ts';
import type { CartStore } from '../src/store/cart-store.ts';
import { createRedisCartStore } from '../src/store/redis-cart-store.ts';
import { upstream, upstreamFakes } from './fakes/upstream.ts';

const rub = (amount: number) => ({ amount, currency: 'RUB' });
const TEA = newId();
const CUP = newId();
const OLD = newId();
const LIMITS = { maxLines: 100, maxQuantity: 1_000 };

/**
 * Every cart route, run once per store: the database (pglite/postgres projects) and Redis
 * (redis project), so both stores are held to the same behaviour.
 */
export function cartRouteSuite(env: () => Record<string, string>) {
  let t: TestService;
  let settings: Record<string, string>;
  let alice: string;
  let bob: string;
  const aliceId = newId();

  beforeAll(async () => {
    settings = env();
    t = await startTestService([cart, upstreamFakes], { env: settings });
    alice = await t.tokens.issue({ id: aliceId, roles: ['customer'] });
    bob = await t.tokens.issue({ roles: ['customer'] });
    const variant = (variantId: string, sku: string, title: string, amount: number, archived = false) =>
      upstream.variants.set(variantId, { variantId, productId: newId(), sku, barcode: null, title, price: rub(amount), archived });
    variant(TEA, 'TEA-1', 'Green tea 100 g', 129_900);
    variant(CUP, 'CUP-1', 'Cup', 50_050);
    variant(OLD, 'OLD-1', 'Old thing', 10_000, true);
    upstream.promos.set('TEN', { type: 'percent', value: 10 });
    upstream.promos.set('SHIPFREE', { type: 'free_shipping', value: 0 });
    upstream.promos.set('OLDCODE', { type: 'fixed', value: 100, problem: 'promotions.expired' });
    upstream.promos.set('BIGONLY', { type: 'fixed', value: 100, minSubtotal: 10_000_000 });
  });
  afterAll(() => t?.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, token?: string) =>
    t.app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  const open = async (token?: string, body: unknown = {}) => {
    const res = await call('POST', '/api/v1/carts', body, token);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; items: { id: string }[] };
  };

  describe('POST /api/v1/carts', () => {
    it('opens an empty cart in the store currency with zero totals', async () => {
      const res = await call('POST', '/api/v1/carts', {}, alice);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ currency: 'RUB', status: 'open', items: [], promoCode: null, totals: { total: rub(0) } });
    });

    it('opens a cart without a body or a token (anonymous)', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/carts' });
      expect(res.statusCode, res.body).toBe(201);
    });

    it('opens a cart in another currency that rates know, and refuses one they do not with 422', async () => {
      expect((await call('POST', '/api/v1/carts', { currency: 'USD' })).json().currency).toBe('USD');
      const res = await call('POST', '/api/v1/carts', { currency: 'JPY' });
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('cart.unsupported_currency');
    });

    it('refuses a malformed currency and unknown fields with 400 naming them', async () => {
      const res = await call('POST', '/api/v1/carts', { currency: 'rub', owner: 'me' });
      expect(res.statusCode).toBe(400);
      expect((res.json().errors as { path: string }[]).map((e) => e.path).sort()).toEqual(['currency', 'owner']);
    });

    it('answers a bad token with 401', async () => {
      expect((await call('POST', '/api/v1/carts', {}, 'not-a-token')).statusCode).toBe(401);
    });
  });

  describe('items', () => {
    it('adds a variant with 201 and prices it from catalog, plus flat shipping', async () => {
      const c = await open(alice);
      const res = await call('POST', `/api/v1/carts/${c.id}/items`, { variantId: TEA, quantity: 2 }, alice);
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body.items).toEqual([
        expect.objectContaining({
          variantId: TEA,
          sku: 'TEA-1',
          title: 'Green tea 100 g',
          quantity: 2,
          unitPrice: rub(129_900),
          total: rub(259_800),
        }),
      ]);
      expect(body.totals).toEqual({ subtotal: rub(259_800), discount: rub(0), shipping: rub(30_000), total: rub(289_800) });
    });

    it('adds quantity when the same variant is added again, and ships free above the threshold', async () => {
      const c = await open(alice);
      await call('POST', `/api/v1/carts/${c.id}/items`, { variantId: TEA, quantity: 2 }, alice);
      const res = await call('POST', `/api/v1/carts/${c.id}/items`, { variantId: TEA, quantity: 2 }, alice);
      expect(res.json().items).toHaveLength(1);
      expect(res.json().items[0].quantity).toBe(4);
      expect(res.json().totals.shipping).toEqual(rub(0));
    });

    it('counts both of two concurrent adds', async () => {
      const c = await open(alice);
      await Promise.all([
        call('POST', `/api/v1/carts/${c.id}/items`, { variantId: TEA, quantity: 1 }, alice),
        call('POST', `/api/v1/carts/${c.id}/items`, { variantId: CUP, quantity: 1 }, alice),
        call('POST', `/api/v1/carts/${c.id}/items`, { variantId: TEA, quantity: 1 }, alice),
      ]);
      const items = (await call('GET', `/api/v1/carts/${c.id}`, undefined, alice)).json().items as {
        variantId: string;
        quantity: number;
      }[];
      expect(items.find((i) => i.variantId === TEA)?.quantity).toBe(2);
      expect(items.find((i) => i.variantId === CUP)?.quantity).toBe(1);
    });

    it('answers an unknown variant with 404 and an archived one with 422', async () => {
      const c = await open(alice);
      const unknown = await call('POST', `/api/v1/carts/${c.id}/items`, { variantId: newId(), quantity: 1 }, alice);
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().code).toBe('cart.variant_not_found');
      const archived = await call('POST', `/api/v1/carts/${c.id}/items`, { variantId: OLD, quantity: 1 }, alice);
      expect(archived.statusCode).toBe(422);
    });

    it('refuses quantity below 1 and a non-uuid variant with 400', async () => {
      const c = await open(alice);
      const res = await call('POST', `/api/v1/carts/${c.id}/items`, { variantId: 'x', quantity: 0 }, alice);
      expect(res.statusCode).toBe(400);
      expect((res.json().errors as { path: string }[]).map((e) => e.path).sort()).toEqual(['quantity', 'variantId']);
      expect((await call('PATCH', `/api/v1/carts/${c.id}/items/${newId()}`, { quantity: -1 }, alice)).statusCode).toBe(400);
    });

    it('changes a quantity and removes a line; an unknown line is 404', async () => {
      const c = await open(alice);
      const added = (await call('POST', `/api/v1/carts/${c.id}/items`, { variantId: CUP, quantity: 1 }, alice)).json();
      const itemId = added.items[0].id as string;
      const patched = await call('PATCH', `/api/v1/carts/${c.id}/items/${itemId}`, { quantity: 3 }, alice);
      expect(patched.statusCode).toBe(200);
      expect(patched.json().totals.subtotal).toEqual(rub(150_150));
      const removed = await call('DELETE', `/api/v1/carts/${c.id}/items/${itemId}`, undefined, alice);
      expect(removed.json().items).toEqual([]);
      expect((await call('DELETE', `/api/v1/carts/${c.id}/items/${itemId}`, undefined, alice)).statusCode).toBe(404);
    });

    it('reads prices at the moment the cart is read', async () => {
      const c = await open(alice);
      const v = newId();
      upstream.variants.set(v, {
        variantId: v,
        productId: newId(),
        sku: 'PEN',
        barcode: null,
        title: 'Pen',
        price: rub(1_000),
        archived: false,
      });
      await call('POST', `/api/v1/carts/${c.id}/items`, { variantId: v, quantity: 1 }, alice);
      upstream.variants.set(v, {
        variantId: v,
        productId: newId(),
        sku: 'PEN',
        barcode: null,
        title: 'Pen',
        price: rub(2_000),
        archived: false,
      });
      expect((await call('GET', `/api/v1/carts/${c.id}`, undefined, alice)).json().items[0].unitPrice).toEqual(rub(2_000));
      upstream.variants.delete(v);
      const gone = (await call('GET', `/api/v1/carts/${c.id}`, undefined, alice)).json();
      expect(gone.items[0].available).toBe(false);
      expect(gone.totals.total).toEqual(rub(0));
    });

    it('prices a USD cart by converting base prices with the current rate', async () => {
      const c = await open(undefined, { currency: 'USD' });
      const res = await call('POST', `/api/v1/carts/${c.id}/items`, { variantId: CUP, quantity: 1 });
      expect(res.json().items[0].unitPrice).toEqual({ amount: 541, currency: 'USD' });
      expect(res.json().totals.shipping).toEqual({ amount: 324, currency: 'USD' });
    });
  });

  describe('access', () => {
    it("refuses another customer's cart with 403 and an anonymous caller with 401", async () => {
      const c = await open(alice);
      expect((await call('GET', `/api/v1/carts/${c.id}`, undefined, bob)).statusCode).toBe(403);
      expect((await call('GET', `/api/v1/carts/${c.id}`)).statusCode).toBe(401);
      expect((await call('POST', `/api/v1/carts/${c.id}/items`, { variantId: TEA, quantity: 1 }, bob)).statusCode).toBe(403);
    });

    it('lets anyone holding an anonymous cart id use it', async () => {
      const c = await open();
      expect((await call('POST', `/api/v1/carts/${c.id}/items`, { variantId: TEA, quantity: 1 }, bob)).statusCode).toBe(201);
      expect((await call('GET', `/api/v1/carts/${c.id}`)).statusCode).toBe(200);
    });

    it('lets a customer who signs in claim the anonymous cart they filled; then it is theirs alone', async () => {
      const c = await open();
      await call('POST', `/api/v1/carts/${c.id}/items`, { variantId: TEA, quantity: 2 });
      expect((await call('POST', `/api/v1/carts/${c.id}/claim`)).statusCode).toBe(401);
      const claimed = await call('POST', `/api/v1/carts/${c.id}/claim`, undefined, alice);
      expect(claimed.statusCode, claimed.body).toBe(200);
      expect(claimed.json().items).toHaveLength(1);
      expect(claimed.json().items[0].quantity).toBe(2);
      expect((await call('POST', `/api/v1/carts/${c.id}/claim`, undefined, alice)).statusCode).toBe(200);
      expect((await call('GET', `/api/v1/carts/${c.id}`)).statusCode).toBe(401);
      expect((await call('GET', `/api/v1/carts/${c.id}`, undefined, bob)).statusCode).toBe(403);
      const stolen = await call('POST', `/api/v1/carts/${c.id}/claim`, undefined, bob);
      expect(stolen.statusCode).toBe(403);
      expect(stolen.json().code).toBe('cart.forbidden');
      expect((await call('GET', `/api/v1/carts/${c.id}`, undefined, alice)).statusCode).toBe(200);
      expect((await call('POST', `/api/v1/carts/${newId()}/claim`, undefined, alice)).statusCode).toBe(404);
    });

    it('answers an unknown cart with 404 and a malformed id with 400', async () => {
      expect((await call('GET', `/api/v1/carts/${newId()}`)).statusCode).toBe(404);
      expect((await call('GET', '/api/v1/carts/nope')).statusCode).toBe(400);
    });
  });

  describe('promo codes', () => {
    it('applies a valid code case-insensitively and discounts the subtotal', async () => {
      const c = await open(alice);
      await call('POST', `/api/v1/carts/${c.id}/items`, { variantId: TEA, quantity: 1 }, alice);
      const res = await call('POST', `/api/v1/carts/${c.id}/promo`, { code: 'ten' }, alice);
      expect(res.statusCode).toBe(200);
      expect(res.json().promoCode).toBe('TEN');
      expect(res.json().totals).toEqual({ subtotal: rub(129_900), discount: rub(12_990), shipping: rub(30_000), total: rub(146_910) });
      const removed = await call('DELETE', `/api/v1/carts/${c.id}/promo`, undefined, alice);
      expect(removed.json()).toMatchObject({ promoCode: null, totals: { discount: rub(0) } });
    });

    it('gives free shipping for a free-shipping code', async () => {
      const c = await open(alice);
      await call('POST', `/api/v1/carts/${c.id}/items`, { variantId: CUP, quantity: 1 }, alice);
      expect((await call('POST', `/api/v1/carts/${c.id}/promo`, { code: 'SHIPFREE' }, alice)).json().totals.shipping).toEqual(rub(0));
    });

    it('refuses unknown, expired and below-minimum codes with 422 and keeps the cart unchanged', async () => {
      const c = await open(alice);
      await call('POST', `/api/v1/carts/${c.id}/items`, { variantId: CUP, quantity: 1 }, alice);
      for (const code of ['NOPE', 'OLDCODE', 'BIGONLY']) {
        const res = await call('POST', `/api/v1/carts/${c.id}/promo`, { code }, alice);
        expect(res.statusCode, code).toBe(422);
        expect(res.json().code).toMatch(/^promotions\./);
      }
      expect((await call('GET', `/api/v1/carts/${c.id}`, undefined, alice)).json().promoCode).toBeNull();
      expect((await call('POST', `/api/v1/carts/${c.id}/promo`, { code: '' }, alice)).statusCode).toBe(400);
    });

    it('keeps a code that stopped applying but shows why it gives nothing', async () => {
      const c = await open(alice);
      await call('POST', `/api/v1/carts/${c.id}/items`, { variantId: CUP, quantity: 1 }, alice);
      upstream.promos.set('FLEETING', { type: 'fixed', value: 1_000 });
      await call('POST', `/api/v1/carts/${c.id}/promo`, { code: 'FLEETING' }, alice);
      upstream.promos.set('FLEETING', { type: 'fixed', value: 1_000, problem: 'promotions.exhausted' });
      const body = (await call('GET', `/api/v1/carts/${c.id}`, undefined, alice)).json();
      expect(body).toMatchObject({ promoCode: 'FLEETING', promoProblem: { code: 'promotions.exhausted' }, totals: { discount: rub(0) } });
    });
  });

  describe('a cart another process changed', () => {
    // The same store as the service's, without the service's memory of recent carts: another process.
    async function otherProcess<T>(work: (store: CartStore) => Promise<T>): Promise<T> {
      const store = settings.REDIS_URL
        ? createRedisCartStore({ url: settings.REDIS_URL, prefix: settings.CART_REDIS_PREFIX ?? '', ttlSeconds: 3_600 })
        : createPgCartStore(t.service.deps.db);
      try {
        return await work(store);
      } finally {
        if (settings.REDIS_URL) await store.close();
      }
    }

    it('keeps the other change when an item is added here', async () => {
      const c = await open(alice);
      await call('POST', `/api/v1/carts/${c.id}/items`, { variantId: TEA, quantity: 1 }, alice);
      await otherProcess(async (store) => {
        const read = (await store.get(c.id)) as Cart;
        expect(await store.replace(read, addItem(read, { itemId: newId(), variantId: CUP, quantity: 2 }, LIMITS, new Date()))).toBe(true);
      });
      const res = await call('POST', `/api/v1/carts/${c.id}/items`, { variantId: TEA, quantity: 1 }, alice);
      expect(res.statusCode, res.body).toBe(201);
      const lines = (res.json().items as { variantId: string; quantity: number }[]).map((i) => [i.variantId, i.quantity]);
      expect(lines).toEqual([
        [TEA, 2],
        [CUP, 2],
      ]);
    });

    it('refuses an item once the cart was checked out elsewhere, and takes one once it was reopened elsewhere', async () => {
      const c = await open(alice);
      await call('POST', `/api/v1/carts/${c.id}/items`, { variantId: TEA, quantity: 1 }, alice);
      const orderId = newId();
      await otherProcess((store) => store.closeIfOpen(c.id, { orderId, customerId: aliceId, at: new Date() }));
      const refused = await call('POST', `/api/v1/carts/${c.id}/items`, { variantId: CUP, quantity: 1 }, alice);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('cart.checked_out');
      // This process now knows it closed; another one opens it again.
      await otherProcess(async (store) => {
        const read = (await store.get(c.id)) as Cart;
        expect(await store.replace(read, reopen(read, orderId, new Date()))).toBe(true);
      });
      const taken = await call('POST', `/api/v1/carts/${c.id}/items`, { variantId: CUP, quantity: 1 }, alice);
      expect(taken.statusCode, taken.body).toBe(201);
      expect(taken.json().items).toHaveLength(2);
    });
  });

  describe('internal routes', () => {
    const internal = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
      t.app.inject({ method, url, ...(payload ? { payload: payload as object } : {}) });

    it('refuses callers without the internal token with 403', async () => {
      const c = await open(alice);
      const body = { orderId: newId(), customerId: aliceId };
      expect((await internal('POST', `/internal/v1/carts/${c.id}/check-out`, body)).statusCode).toBe(403);
      expect((await internal('POST', `/internal/v1/carts/${c.id}/reopen`, { orderId: body.orderId })).statusCode).toBe(403);
    });

    it('shows the cart at product-page freshness, and prices the checkout afresh', async () => {
      const c = await open(alice);
      const before = { ...upstream.calls };
      await call('POST', `/api/v1/carts/${c.id}/items`, { variantId: TEA, quantity: 1 }, alice);
      await call('GET', `/api/v1/carts/${c.id}`, undefined, alice);
      expect(upstream.calls.cachedLookups - before.cachedLookups).toBe(2);
      expect(upstream.calls.lookups - before.lookups).toBe(0);
      const transport = t.service.deps.clients.to('cart');
      const closed = await transport.call({
        method: 'POST',
        path: `/internal/v1/carts/${c.id}/check-out`,
        body: { orderId: newId(), customerId: aliceId },
      });
      expect(closed.status).toBe(200);
      expect(upstream.calls.lookups - before.lookups).toBe(1);
      expect(upstream.calls.cachedLookups - before.cachedLookups).toBe(2);
    });

    it('closes the cart for a checkout, answering it priced, once per order; reopens it for that order only', async () => {
      const c = await open(alice, { currency: 'USD' });
      await call('POST', `/api/v1/carts/${c.id}/items`, { variantId: CUP, quantity: 2 }, alice);
      const transport = t.service.deps.clients.to('cart');
      const checkOut = (cartId: string, orderId: string, customerId = aliceId) =>
        transport.call<Record<string, unknown>>({
          method: 'POST',
          path: `/internal/v1/carts/${cartId}/check-out`,
          body: { orderId, customerId },
        });
      const reopen = (cartId: string, orderId: string) =>
        transport.call<Record<string, unknown>>({ method: 'POST', path: `/internal/v1/carts/${cartId}/reopen`, body: { orderId } });
      const orderId = newId();
      const before = (await call('GET', `/api/v1/carts/${c.id}`, undefined, alice)).json();
      expect((await checkOut(c.id, orderId, newId())).status).toBe(403);
      const closed = await checkOut(c.id, orderId);
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({
        ownerId: aliceId,
        status: 'checked_out',
        orderId,
        currency: 'USD',
        baseCurrency: 'RUB',
        exchangeRate: '0.0108',
        baseTotals: { subtotal: rub(100_100), shipping: rub(30_000) },
        totals: { subtotal: { amount: 1_082, currency: 'USD' } },
      });
      // Closed as the domain closes it: the order named, the lines kept.
      const after = (await call('GET', `/api/v1/carts/${c.id}`, undefined, alice)).json();
      expect(after).toMatchObject({ status: 'checked_out', orderId, items: before.items });
      expect((await checkOut(c.id, orderId)).status).toBe(200);
      expect((await checkOut(c.id, newId())).status).toBe(409);
      const add = await call('POST', `/api/v1/carts/${c.id}/items`, { variantId: TEA, quantity: 1 }, alice);
      expect(add.statusCode).toBe(409);
      expect(add.json().code).toBe('cart.checked_out');
      // Another order's reopen leaves it closed; its own order's opens it, lines kept.
      expect((await reopen(c.id, newId())).body).toEqual({ cartId: c.id, status: 'checked_out', orderId });
      expect((await reopen(c.id, orderId)).body).toEqual({ cartId: c.id, status: 'open', orderId: null });
      expect((await reopen(c.id, orderId)).status).toBe(200);
      expect((await call('GET', `/api/v1/carts/${c.id}`, undefined, alice)).json()).toMatchObject({ status: 'open', items: before.items });
      expect((await call('POST', `/api/v1/carts/${c.id}/items`, { variantId: TEA, quantity: 1 }, alice)).statusCode).toBe(201);
      expect((await checkOut(newId(), orderId)).status).toBe(404);
      expect((await reopen(newId(), orderId)).status).toBe(404);
      expect((await transport.call({ method: 'POST', path: `/internal/v1/carts/${c.id}/check-out`, body: { orderId } })).status).toBe(400);
    });
  });
}
