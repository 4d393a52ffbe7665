import { DomainError } from '@bazar/kit/errors';
import type { BackoffKey } from '@bazar/kit/rate-limit';
import { normalizePromoCode, setPromoCode } from '../domain/cart.ts';
import { changeCart, loadCart } from './change-cart.ts';
import type { CartContext } from './context.ts';
import { type CartView, cartView, priceCartNow } from './price-cart.ts';

/** How many more wrong codes one address may try than one cart or customer (shops behind one NAT). */
const ADDRESS_FACTOR = 4;
const WRONG_CODE = new Set(['promotions.invalid_code', 'promotions.not_found']);

/** Who a wrong code counts against: the cart, its customer, and the client address. */
function guessers(ctx: CartContext, cartId: string, customerId: string | null, ip: string): BackoffKey[] {
  const free = ctx.config.PROMO_MAX_WRONG_CODES;
  return [
    { key: `cart:${cartId}`, free },
    ...(customerId ? [{ key: `customer:${customerId}`, free }] : []),
    { key: `address:${ip}`, free: free * ADDRESS_FACTOR },
  ];
}

/**
 * Applies a promo code after promotions quoted it on this cart; an invalid, expired, exhausted or
 * below-minimum code is refused with promotions' 422 and the cart keeps its previous code. Wrong
 * codes slow guessing down: past the allowance each try waits longer (429, Retry-After), and a
 * right code does not wipe the count, so known codes cannot be used to reset it.
 */
export async function applyPromoCode(
  ctx: CartContext,
  input: { cartId: string; userId: string | null; code: string; ip: string },
): Promise<CartView> {
  const code = normalizePromoCode(input.code);
  const current = await loadCart(ctx, input.cartId, input.userId);
  const customerId = current.ownerId ?? input.userId;
  const keys = guessers(ctx, current.id, customerId, input.ip);
  await ctx.promoGuesses.check(keys);
  const plain = await priceCartNow(ctx, current, null);
  try {
    await ctx.promotions.quote({
      code,
      customerId,
      subtotal: plain.priced.baseTotals.subtotal,
      shipping: plain.priced.baseTotals.shipping,
    });
  } catch (error) {
    if (error instanceof DomainError && WRONG_CODE.has(error.code)) await ctx.promoGuesses.fail(keys);
    throw error;
  }
  const cart = await changeCart(ctx, input.cartId, input.userId, (latest, at) => setPromoCode(latest, code, at));
  return cartView(ctx, cart);
}
