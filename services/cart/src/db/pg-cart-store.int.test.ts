import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upstreamFakes } from '../../test/fakes/upstream.ts';
import type { CartContext } from '../app/context.ts';
import { purgeStaleCarts } from '../app/purge-stale-carts.ts';
import { readCartConfig } from '../config.ts';
import type { Cart } from '../domain/cart.ts';
import cart from '../index.ts';
import { createPgCartStore, deleteCartsUnchangedSince } from './pg-cart-store.ts';

let t: TestService;
beforeAll(async () => {
  t = await startTestService([cart, upstreamFakes]);
});
afterAll(() => t?.close());

const anOpenCart = (): Cart => ({
  id: newId(),
  ownerId: newId(),
  currency: 'RUB',
  items: [{ id: newId(), variantId: newId(), quantity: 2 }],
  promoCode: null,
  status: 'open',
  orderId: null,
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('the database cart store', () => {
  it('closes an open cart in one step as the domain would: new version, order named, lines kept', async () => {
    const store = createPgCartStore(t.service.deps.db);
    const read = anOpenCart();
    await store.create(read);
    const orderId = newId();
    const at = new Date('2026-01-02T00:00:00.000Z');
    const closed = { ...read, status: 'checked_out', orderId, version: 4, updatedAt: at.toISOString() };
    // Someone else's cart is left as it is.
    expect(await store.closeIfOpen(read.id, { orderId, customerId: newId(), at })).toBeUndefined();
    expect(await store.closeIfOpen(read.id, { orderId, customerId: read.ownerId as string, at })).toEqual(closed);
    expect(await store.get(read.id)).toEqual(closed);
    // A change decided on the cart as read before the close does not reopen it.
    expect(await store.replace(read, { ...read, items: [], version: 4 })).toBe(false);
    expect(await store.closeIfOpen(read.id, { orderId: newId(), customerId: read.ownerId as string, at })).toBeUndefined();
    expect(await store.closeIfOpen(newId(), { orderId, customerId: read.ownerId as string, at })).toBeUndefined();
  });

  it('closes an anonymous cart for whoever checks it out', async () => {
    const store = createPgCartStore(t.service.deps.db);
    const read = { ...anOpenCart(), ownerId: null };
    await store.create(read);
    const closed = await store.closeIfOpen(read.id, { orderId: newId(), customerId: newId(), at: new Date() });
    expect(closed?.status).toBe('checked_out');
  });
});

describe('removing stale carts', () => {
  const aged = (created: string, updated: string): Cart => ({ ...anOpenCart(), createdAt: created, updatedAt: updated });

  it('removes carts unchanged for CART_TTL_DAYS, keeps those changed since, in batches', async () => {
    const now = t.service.deps.clock.now().getTime();
    const daysAgo = (days: number) => new Date(now - days * 86_400_000).toISOString();
    const store = createPgCartStore(t.service.deps.db);
    const ctx = { deps: t.service.deps, config: readCartConfig({}) } as CartContext;
    await purgeStaleCarts(ctx); // the carts earlier tests left, dated January
    const stale = [aged(daysAgo(40), daysAgo(35)), { ...aged(daysAgo(60), daysAgo(31)), status: 'checked_out' as const, orderId: newId() }];
    const changedLately = aged(daysAgo(90), daysAgo(2));
    const fresh = aged(daysAgo(1), daysAgo(1));
    for (const cart of [...stale, changedLately, fresh]) await store.create(cart);
    expect(await purgeStaleCarts(ctx)).toBe(2);
    for (const cart of stale) expect(await store.get(cart.id)).toBeUndefined();
    expect(await store.get(changedLately.id)).toEqual(changedLately);
    expect(await store.get(fresh.id)).toEqual(fresh);
    expect(await purgeStaleCarts(ctx)).toBe(0);
  });

  it('takes a batch at a time', async () => {
    const store = createPgCartStore(t.service.deps.db);
    const old = new Date(Date.now() - 45 * 86_400_000).toISOString();
    const carts = Array.from({ length: 5 }, () => aged(old, old));
    for (const cart of carts) await store.create(cart);
    const cutoff = new Date(Date.now() - 30 * 86_400_000);
    expect(await deleteCartsUnchangedSince(t.service.deps.db, cutoff, 3)).toBe(3);
    expect(await deleteCartsUnchangedSince(t.service.deps.db, cutoff, 3)).toBe(2);
    expect(await deleteCartsUnchangedSince(t.service.deps.db, cutoff, 3)).toBe(0);
  });
});
