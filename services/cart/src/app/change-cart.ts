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
 * Applies a domain change atomically: read, change, compare-and-set on the version, and on a
 * lost race read again, so two tabs adding items at once both count.
 */
export async function changeCart(
  ctx: CartContext,
  cartId: string,
  userId: string | null,
  change: (cart: Cart, at: Date) => Cart,
  /** The cart as the caller just read it, saving the first read. */
  known?: Cart,
): Promise<Cart> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const cart = attempt === 0 && known ? known : await loadCart(ctx, cartId, userId);
    const next = change(cart, ctx.deps.clock.now());
    if (next === cart) return cart;
    if (await ctx.store.replace(cart, next)) return next;
  }
  throw CartBusy();
}
