import { UnsupportedCurrency } from '../domain/cart.errors.ts';
import { newCart } from '../domain/cart.ts';
import { canPriceIn } from '../domain/cart-pricing.ts';
import type { CartContext } from './context.ts';
import { type CartView, cartView } from './price-cart.ts';

/** Opens an empty cart, owned by the caller when signed in, in a currency rates can price. */
export async function createCart(ctx: CartContext, input: { userId: string | null; currency?: string }): Promise<CartView> {
  const currency = input.currency ?? ctx.config.CART_DEFAULT_CURRENCY;
  if (currency !== ctx.config.CART_DEFAULT_CURRENCY && !canPriceIn(await ctx.rates.current(), currency)) {
    throw UnsupportedCurrency(currency);
  }
  const cart = newCart({ id: ctx.deps.ids.next(), ownerId: input.userId, currency, at: ctx.deps.clock.now() });
  await ctx.store.create(cart);
  return cartView(ctx, cart);
}
