import { setPromoCode } from '../domain/cart.ts';
import { changeCart } from './change-cart.ts';
import type { CartContext } from './context.ts';
import { type CartView, cartView } from './price-cart.ts';

/** Drops the cart's promo code (a no-op when it has none). */
export async function removePromoCode(ctx: CartContext, input: { cartId: string; userId: string | null }): Promise<CartView> {
  const cart = await changeCart(ctx, input.cartId, input.userId, (current, at) =>
    current.promoCode === null ? current : setPromoCode(current, null, at),
  );
  return cartView(ctx, cart);
}
