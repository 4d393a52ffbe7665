import { CartBusy, CartNotFound } from '../domain/cart.errors.ts';
import type { Cart } from '../domain/cart.ts';
import { assertCanAccess } from '../domain/cart.ts';
import type { CartContext } from './context.ts';

const ATTEMPTS = 8;

/** Reads a cart the caller may use, or 404/401/403. */
export async function loadCart(ctx: CartContext, cartId: string, userId: string | null): Promise<Cart> {
  const cart = await ctx.store.get(cartId);
  if (!cart) throw CartNotFound(cartId);
  assertCanAccess(cart, userId);
  return cart;
}

/**
 * 404/401/403 unless the user may use the cart, judged on the one this process last saw when it
 * has one: a cart only ever goes from anonymous to one customer's, so a refusal it gives is never
 * stale (a consent that is, `changeCart` takes back on its fresh read).
 */
export async function assertMayUse(ctx: CartContext, cartId: string, userId: string | null): Promise<void> {
  const recent = ctx.store.recent(cartId);
  if (recent) assertCanAccess(recent, userId);
  else await loadCart(ctx, cartId, userId);
}

/**
 * Applies a domain change atomically: change, compare-and-set on the version, and on a lost race
 * read again, so two tabs adding items at once both count. The first attempt starts from `known`
 * (the caller's fresh read) or the cart this process last saw; a refusal or a "nothing to change"
 * decided on the latter may be stale, so it is decided again on a fresh read.
 */
export async function changeCart(
  ctx: CartContext,
  cartId: string,
  userId: string | null,
  change: (cart: Cart, at: Date) => Cart,
  /** The cart as the caller just read it, saving the first read. */
  known?: Cart,
): Promise<Cart> {
  let cart = known ?? ctx.store.recent(cartId);
  let fresh = known !== undefined;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (!cart || attempt > 0) {
      cart = await loadCart(ctx, cartId, userId);
      fresh = true;
    }
    try {
      assertCanAccess(cart, userId);
      const next = change(cart, ctx.deps.clock.now());
      if (next === cart) {
        if (fresh) return cart;
      } else if (await ctx.store.replace(cart, next)) return next;
    } catch (error) {
      if (fresh) throw error;
    }
    cart = undefined;
  }
  throw CartBusy();
}
