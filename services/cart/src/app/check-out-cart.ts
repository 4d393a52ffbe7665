import type { CartCheckedOut, CheckoutCart } from '@bazar/contracts/clients/cart';
import { CartNotFound } from '../domain/cart.errors.ts';
import { checkOut } from '../domain/cart.ts';
import { changeCart } from './change-cart.ts';
import type { CartContext } from './context.ts';
import { priceCartNow, toCheckoutCart } from './price-cart.ts';

/** The cart as checkout needs it (owner, base-currency totals, rate), for the internal route. */
export async function getCheckoutCart(ctx: CartContext, cartId: string): Promise<CheckoutCart> {
  const cart = await ctx.store.get(cartId);
  if (!cart) throw CartNotFound(cartId);
  return toCheckoutCart(await priceCartNow(ctx, cart));
}

/** Closes a cart once its order exists; idempotent per order. Checkout is trusted, so no owner check. */
export async function checkOutCart(ctx: CartContext, input: { cartId: string; orderId: string }): Promise<CartCheckedOut> {
  const done: CartCheckedOut = { cartId: input.cartId, status: 'checked_out', orderId: input.orderId };
  if (await ctx.store.closeIfOpen(input.cartId, input.orderId, ctx.deps.clock.now())) return done;
  const existing = await ctx.store.get(input.cartId);
  if (!existing) throw CartNotFound(input.cartId);
  await changeCart(ctx, input.cartId, existing.ownerId, (current, at) => checkOut(current, input.orderId, at), existing);
  return done;
}
