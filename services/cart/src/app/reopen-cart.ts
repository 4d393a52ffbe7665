import type { CartReopened } from '@bazar/contracts/clients/cart';
import { CartNotFound } from '../domain/cart.errors.ts';
import { reopen } from '../domain/cart.ts';
import { changeCart } from './change-cart.ts';
import type { CartContext } from './context.ts';

/** Opens a cart again whose order was not placed (the checkout failed or the card was declined); idempotent. */
export async function reopenCart(ctx: CartContext, input: { cartId: string; orderId: string }): Promise<CartReopened> {
  const existing = await ctx.store.get(input.cartId);
  if (!existing) throw CartNotFound(input.cartId);
  const cart = await changeCart(ctx, input.cartId, existing.ownerId, (current, at) => reopen(current, input.orderId, at), existing);
  return { cartId: cart.id, status: cart.status, orderId: cart.orderId };
}
