import { normalizePromoCode, setPromoCode } from '../domain/cart.ts';
import { changeCart, loadCart } from './change-cart.ts';
import type { CartContext } from './context.ts';
import { type CartView, cartView, priceCartNow } from './price-cart.ts';

/**
 * Applies a promo code after promotions quoted it on this cart; an invalid, expired, exhausted or
 * below-minimum code is refused with promotions' 422 and the cart keeps its previous code.
 */
export async function applyPromoCode(ctx: CartContext, input: { cartId: string; userId: string | null; code: string }): Promise<CartView> {
  const code = normalizePromoCode(input.code);
  const current = await loadCart(ctx, input.cartId, input.userId);
  const plain = await priceCartNow(ctx, current, null);
  await ctx.promotions.quote({
    code,
    customerId: current.ownerId ?? input.userId,
    subtotal: plain.priced.baseTotals.subtotal,
    shipping: plain.priced.baseTotals.shipping,
  });
  const cart = await changeCart(ctx, input.cartId, input.userId, (latest, at) => setPromoCode(latest, code, at));
  return cartView(ctx, cart);
}
