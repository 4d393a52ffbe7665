import { loadCart } from './change-cart.ts';
import type { CartContext } from './context.ts';
import { type CartView, cartView } from './price-cart.ts';

/** The cart with prices as of now. */
export async function getCart(ctx: CartContext, input: { cartId: string; userId: string | null }): Promise<CartView> {
  return cartView(ctx, await loadCart(ctx, input.cartId, input.userId));
}
