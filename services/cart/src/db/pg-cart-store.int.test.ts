import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upstreamFakes } from '../../test/fakes/upstream.ts';
import type { Cart } from '../domain/cart.ts';
import cart from '../index.ts';
import { createPgCartStore } from './pg-cart-store.ts';

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
