import { removeItem as removeCartItem } from '../domain/cart.ts';
import { changeCart } from './change-cart.ts';
import type { CartContext } from './context.ts';
import { type CartView, cartView } from './price-cart.ts';

/** Takes a line out of the cart. */
export async function removeItem(ctx: CartContext, input: { cartId: string; userId: string | null; itemId: string }): Promise<CartView> {
  const cart = await changeCart(ctx, input.cartId, input.userId, (current, at) => removeCartItem(current, input.itemId, at));
  return cartView(ctx, cart);
}
