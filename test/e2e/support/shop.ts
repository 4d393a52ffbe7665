import cart from '@bazar/cart';
import catalog from '@bazar/catalog';
import fulfilment from '@bazar/fulfilment';
import inventory from '@bazar/inventory';
import type { Bus } from '@bazar/kit/bus/bus';
import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import orders from '@bazar/orders';
import payments from '@bazar/payments';
import promotions from '@bazar/promotions';
import rates from '@bazar/rates';
import { expect } from 'vitest';

/** The order path's services on one app, as the embedded host runs them. */
export async function startShop(env: Record<string, string> = {}, options: { bus?: Bus } = {}): Promise<TestService> {
  return startTestService([catalog, rates, inventory, promotions, payments, cart, orders, fulfilment], { env, ...options });
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';

/** A little client for journeys: JSON in, status and JSON out. */
export function client(t: TestService) {
  const call = async (method: Method, url: string, token?: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  };
  return {
    call,
    /** Creates a product with one variant and `stock` units; returns its variant id and SKU once inventory knows it. */
    async product(manager: string, priceMinor: number, stock: number) {
      const sku = `E2E-${newId().slice(-12)}`;
      const res = await call('POST', '/api/v1/products', manager, {
        title: `Product ${sku}`,
        description: 'e2e',
        variants: [{ sku, price: priceMinor, stock }],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      await t.drainOutboxes();
      return { variantId: res.body.variants[0].id as string, sku };
    },
    /** A customer's cart holding `quantity` of a variant, optionally with a promo code. */
    async cartWith(token: string, variantId: string, quantity: number, code?: string) {
      const created = await call('POST', '/api/v1/carts', token, {});
      const id = created.body.id as string;
      const added = await call('POST', `/api/v1/carts/${id}/items`, token, { variantId, quantity });
      expect(added.status, JSON.stringify(added.body)).toBe(201);
      if (code) expect((await call('POST', `/api/v1/carts/${id}/promo`, token, { code })).status).toBe(200);
      return id;
    },
    checkoutBody: (cartId: string, token = 'tok_success', extra: Record<string, unknown> = {}) => ({
      cartId,
      phone: '+7 900 000-00-00',
      shippingAddress: { city: 'Kazan', street: 'Baumana', house: '1' },
      payment: { provider: 'test', token },
      ...extra,
    }),
    async stock(staff: string, sku: string) {
      const res = await call('GET', `/api/v1/inventory?sku=${encodeURIComponent(sku)}`, staff);
      expect(res.status).toBe(200);
      const rows = (Array.isArray(res.body) ? res.body : res.body.items) as { onHand: number; reserved: number; available: number }[];
      return rows.reduce(
        (sum, r) => ({ onHand: sum.onHand + r.onHand, reserved: sum.reserved + r.reserved, available: sum.available + r.available }),
        {
          onHand: 0,
          reserved: 0,
          available: 0,
        },
      );
    },
  };
}
