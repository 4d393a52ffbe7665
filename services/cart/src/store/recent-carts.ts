import { LRUCache } from 'lru-cache';
import type { Cart } from '../domain/cart.ts';
import type { CartStore } from './cart-store.ts';

/** A cart store that also answers the carts this process last wrote or read, without a read. */
export interface RememberingCartStore extends CartStore {
  /**
   * The cart as this process last saw it, or undefined. Another process may have changed it since,
   * so it only serves as the expected side of a compare-and-set change (a stale one loses and the
   * change reads again); anything else decided on it is checked against a fresh read.
   */
  recent(id: string): Cart | undefined;
}

/** Wraps `store`, remembering up to `max` carts; every write and read goes through as before. */
export function rememberingCarts(store: CartStore, max = 10_000): RememberingCartStore {
  const seen = new LRUCache<string, Cart>({ max });
  const remember = (cart: Cart | undefined) => {
    if (cart) seen.set(cart.id, cart);
    return cart;
  };
  return {
    async create(cart) {
      await store.create(cart);
      remember(cart);
    },
    get: async (id) => remember(await store.get(id)),
    async replace(expected, next) {
      const replaced = await store.replace(expected, next);
      // A lost compare-and-set means the remembered cart is stale.
      if (replaced) remember(next);
      else seen.delete(expected.id);
      return replaced;
    },
    closeIfOpen: async (id, input) => remember(await store.closeIfOpen(id, input)),
    recent: (id) => seen.get(id),
    close: () => store.close(),
  };
}
