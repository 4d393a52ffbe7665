import { claim } from '../domain/cart.ts';
import { changeCart } from './change-cart.ts';
import type { CartContext } from './context.ts';
import { type CartView, cartView } from './price-cart.ts';

/** The signed-in customer takes over an anonymous cart (typically right after signing in). */
export async function claimCart(ctx: CartContext, input: { cartId: string; userId: string }): Promise<CartView> {
  const cart = await changeCart(ctx, input.cartId, input.userId, (current, at) => claim(current, input.userId, at));
  return cartView(ctx, cart);
}
