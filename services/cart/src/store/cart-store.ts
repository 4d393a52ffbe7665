import type { Cart } from '../domain/cart.ts';

/** Where carts live: the database by default, Redis when REDIS_URL is set. Both pass the same tests. */
export interface CartStore {
  create(cart: Cart): Promise<void>;
  get(id: string): Promise<Cart | undefined>;
  /**
   * Replaces `expected` with `next` only if nobody changed it since it was read (compare-and-set on
   * `version`); false means someone else won and the caller should read again.
   */
  replace(expected: Cart, next: Cart): Promise<boolean>;
  close(): Promise<void>;
}
