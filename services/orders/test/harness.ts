import type { Bus } from '@bazar/kit/bus/bus';
import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import type { OrdersContext } from '../src/app/context.ts';
import { moveOrder } from '../src/app/move-order.ts';
import { findOrder } from '../src/db/order-repo.ts';
import type { OrderStatus } from '../src/domain/order-status.ts';
import { createOrdersService } from '../src/index.ts';
import { aCheckoutCart } from './builders.ts';
import { fake } from './fakes/state.ts';
import { upstreamFakes } from './fakes/upstream.ts';

/** Orders on the fakes, with the saga's injected failure under the test's control. */
export async function startOrders(env: Record<string, string> = {}, options: { bus?: Bus } = {}) {
  const faults = { step: undefined as string | undefined };
  const orders = createOrdersService({ faults: { failAfter: () => faults.step } });
  // ORDERS_TEST_LOG=debug shows the services' logs while debugging a test.
  const log = process.env.ORDERS_TEST_LOG ? { LOG_LEVEL: process.env.ORDERS_TEST_LOG } : {};
  const t: TestService = await startTestService([orders, upstreamFakes], { env: { ...log, ...env }, ...options });
  return { t, faults };
}

let skuCounter = 0;

/** A fresh SKU with `onHand` units in stock. */
export function stockedSku(onHand: number): string {
  const sku = `SKU-${++skuCounter}-${newId().slice(-6)}`;
  fake.stock.set(sku, { onHand, reserved: 0 });
  return sku;
}

/** An open cart (owned by `ownerId`) with lines of the given SKUs at 100.00 RUB each, flat shipping 300.00. */
export function cartWith(ownerId: string | null, lines: { sku: string; quantity: number }[], overrides: { promoCode?: string } = {}) {
  const base = aCheckoutCart();
  const rub = (amount: number) => ({ amount, currency: 'RUB' });
  const items = lines.map((l) => ({
    id: newId(),
    variantId: newId(),
    sku: l.sku,
    title: `Item ${l.sku}`,
    quantity: l.quantity,
    unitPrice: rub(10_000),
    total: rub(10_000 * l.quantity),
    available: true,
  }));
  const subtotal = items.reduce((sum, i) => sum + i.total.amount, 0);
  const totals = { subtotal: rub(subtotal), discount: rub(0), shipping: rub(30_000), total: rub(subtotal + 30_000) };
  const cart = { ...base, ownerId, items, totals, baseTotals: totals, promoCode: overrides.promoCode ?? null };
  fake.carts.set(cart.id, cart);
  return cart;
}

export const ADDRESS = { city: 'Moscow', street: 'Tverskaya', house: '7', apartment: '12', postalCode: '125009' };

export function checkoutBody(cartId: string, token = 'tok_success', extra: Record<string, unknown> = {}) {
  return { cartId, phone: '+7 900 123-45-67', shippingAddress: ADDRESS, payment: { provider: 'test', token }, ...extra };
}

export function api(t: TestService) {
  return (method: 'GET' | 'POST', url: string, token?: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    });
}

/** Moves an order along the given statuses through orders' own use case, as fulfilment's events would. */
export async function walkOrder(t: TestService, orderId: string, statuses: OrderStatus[]) {
  const ctx = { deps: t.service.deps } as OrdersContext;
  for (const to of statuses) {
    await ctx.deps.uow(async (txc) => {
      const order = await findOrder(txc.tx, orderId, true);
      if (!order) throw new Error(`no order ${orderId}`);
      await moveOrder(ctx, txc, order, to, { actorId: null });
    });
  }
}
