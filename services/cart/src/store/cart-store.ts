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
  /**
   * The domain's `checkOut` for a cart that is open and anonymous or `customerId`'s, without reading
   * it first: the checkout's read and close in one step. Answers the cart as closed, or undefined
   * when it is not open, not theirs or not there: the caller then reads it and lets the domain
   * decide (a repeat for the same order, a 409, a 403, a 404).
   */
  closeIfOpen(id: string, input: { orderId: string; customerId: string; at: Date }): Promise<Cart | undefined>;
  close(): Promise<void>;
}
