import type { CheckoutCart } from '@bazar/contracts/clients/cart';
import type { VariantInfo } from '@bazar/contracts/clients/catalog';
import type { PromoQuote } from '@bazar/contracts/clients/promotions';
import { DomainError } from '@bazar/kit/errors';
import { UnsupportedCurrency } from '../domain/cart.errors.ts';
import type { Cart } from '../domain/cart.ts';
import { canPriceIn, type PricedCart, priceCart, type RateTable } from '../domain/cart-pricing.ts';
import type { CartContext } from './context.ts';

export interface PromoProblem {
  code: string;
  detail: string;
}

/** A cart with its prices as of now, and why its promo code gives nothing if it no longer applies. */
export interface PricedCartResult {
  cart: Cart;
  priced: PricedCart;
  quote: PromoQuote | null;
  promoProblem: PromoProblem | null;
}

/** The rate table when a conversion is needed; a cart whose goods and currency agree needs none. */
async function ratesFor(ctx: CartContext, cart: Cart, variants: VariantInfo[]): Promise<RateTable> {
  const currencies = new Set([cart.currency, ...variants.map((v) => v.price.currency)]);
  if (currencies.size === 1) return { base: cart.currency, rates: {} };
  const table = await ctx.rates.current();
  if (!canPriceIn(table, cart.currency)) throw UnsupportedCurrency(cart.currency);
  return table;
}

/**
 * Where prices come from: `fresh` reads catalog now (checkout); `cached` takes them as fresh as a
 * product page (catalog's product cache) — what the customer sees in the cart, which checkout
 * prices afresh anyway.
 */
export type PriceSource = 'fresh' | 'cached';

/**
 * Prices a cart now: catalog prices, the rate, then the promotion quoted on the base-currency
 * subtotal. A code that stopped applying (expired, exhausted) costs nothing but is reported.
 */
export async function priceCartNow(
  ctx: CartContext,
  cart: Cart,
  promoCode = cart.promoCode,
  /** Variants the caller read from catalog a moment ago (not asked for again). */
  justRead: VariantInfo[] = [],
  source: PriceSource = 'fresh',
): Promise<PricedCartResult> {
  const known = new Set(justRead.map((v) => v.variantId));
  const missing = [...new Set(cart.items.map((i) => i.variantId))].filter((id) => !known.has(id));
  const read = missing.length > 0 ? await ctx.catalog.lookupVariants(missing, { cached: source === 'cached' }) : [];
  const variants = [...justRead, ...read];
  const rates = await ratesFor(ctx, cart, variants);
  const input = {
    items: cart.items,
    variants: new Map(variants.map((v) => [v.variantId, v])),
    currency: cart.currency,
    rates,
    shipping: { feeMinor: ctx.config.SHIPPING_FEE_MINOR, freeThresholdMinor: ctx.config.FREE_SHIPPING_THRESHOLD_MINOR },
  };
  const plain = priceCart({ ...input, promo: null });
  if (!promoCode) return { cart, priced: plain, quote: null, promoProblem: null };
  try {
    const quote = await ctx.promotions.quote({
      code: promoCode,
      customerId: cart.ownerId,
      subtotal: plain.baseTotals.subtotal,
      shipping: plain.baseTotals.shipping,
    });
    return { cart, priced: priceCart({ ...input, promo: quote }), quote, promoProblem: null };
  } catch (error) {
    if (error instanceof DomainError && (error.status === 422 || error.status === 404)) {
      return { cart, priced: plain, quote: null, promoProblem: { code: error.code, detail: error.message } };
    }
    throw error;
  }
}

/** The public cart (CONTRACT: `cart`) plus status and the promo problem, if any. */
export function toCartView({ cart, priced, promoProblem }: PricedCartResult) {
  return {
    id: cart.id,
    currency: cart.currency,
    status: cart.status,
    orderId: cart.orderId,
    items: priced.lines,
    promoCode: cart.promoCode,
    promoProblem,
    totals: priced.totals,
    createdAt: cart.createdAt,
    updatedAt: cart.updatedAt,
  };
}
export type CartView = ReturnType<typeof toCartView>;

/** The public cart as the customer sees it: prices as fresh as a product page. */
export async function cartView(ctx: CartContext, cart: Cart, justRead: VariantInfo[] = []): Promise<CartView> {
  return toCartView(await priceCartNow(ctx, cart, cart.promoCode, justRead, 'cached'));
}

/** What checkout reads through the internal route. */
export function toCheckoutCart(result: PricedCartResult): CheckoutCart {
  const { cart, priced, quote } = result;
  return {
    id: cart.id,
    ownerId: cart.ownerId,
    status: cart.status,
    orderId: cart.orderId,
    currency: cart.currency,
    items: priced.lines,
    promoCode: cart.promoCode,
    totals: priced.totals,
    baseCurrency: priced.baseTotals.subtotal.currency,
    exchangeRate: priced.exchangeRate,
    baseTotals: priced.baseTotals,
    freeShipping: quote?.freeShipping ?? false,
  };
}
