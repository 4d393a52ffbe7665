import { convertMoneyCross, type Money, money } from '@bazar/kit/money';
import type { CartItem } from './cart.ts';

/** What the cart needs to know about a variant (catalog's VariantInfo, base currency). */
export interface PricedVariant {
  sku: string;
  title: string;
  price: Money;
  archived: boolean;
}

/** Units of each currency per one unit of `base` (the rates table). */
export interface RateTable {
  base: string;
  rates: Record<string, string>;
}

export interface ShippingPolicy {
  /** Flat fee in the base currency's minor units. */
  feeMinor: number;
  /** Subtotal (base currency) from which shipping is free. */
  freeThresholdMinor: number;
}

export interface PromoEffect {
  /** Discount on the subtotal, in the base currency. */
  discount: Money;
  freeShipping: boolean;
}

export interface PricedLine {
  id: string;
  variantId: string;
  sku: string;
  title: string;
  quantity: number;
  unitPrice: Money;
  total: Money;
  available: boolean;
}

export interface Totals {
  subtotal: Money;
  discount: Money;
  shipping: Money;
  total: Money;
}

export interface PricedCart {
  lines: PricedLine[];
  /** In the cart's currency. */
  totals: Totals;
  /** The same, in the base currency, before conversion (what promotions and thresholds use). */
  baseTotals: Totals;
  exchangeRate: string;
}

export interface PricingInput {
  items: CartItem[];
  variants: ReadonlyMap<string, PricedVariant>;
  currency: string;
  rates: RateTable;
  shipping: ShippingPolicy;
  promo: PromoEffect | null;
}

const rateOf = (rates: RateTable, currency: string): string | undefined => (currency === rates.base ? '1' : rates.rates[currency]);

/** True when every amount the cart shows can be converted into `currency`. */
export const canPriceIn = (rates: RateTable, currency: string) => rateOf(rates, currency) !== undefined;

/**
 * THE cart totals: lines from catalog prices, the promotion's effect and the shipping policy,
 * computed in the base currency and converted once per amount (half-even) into the cart's currency.
 * Unavailable lines (archived or unknown variants) are shown with zero prices and left out.
 */
export function priceCart(input: PricingInput): PricedCart {
  const { rates, currency } = input;
  const target = rateOf(rates, currency);
  if (target === undefined) throw new RangeError(`no rate for ${currency}`);
  const convert = (amount: Money): Money => {
    const from = rateOf(rates, amount.currency);
    if (from === undefined) throw new RangeError(`no rate for ${amount.currency}`);
    return convertMoneyCross(amount, currency, from, target);
  };
  const toBase = (amount: Money): Money => {
    const from = rateOf(rates, amount.currency);
    if (from === undefined) throw new RangeError(`no rate for ${amount.currency}`);
    return convertMoneyCross(amount, rates.base, from, '1');
  };

  let subtotal = 0;
  let baseSubtotal = 0;
  const lines = input.items.map((item): PricedLine => {
    const variant = input.variants.get(item.variantId);
    const available = !!variant && !variant.archived;
    const unitPrice = variant ? convert(variant.price) : money(0, currency);
    const total = money(available ? unitPrice.amount * item.quantity : 0, currency);
    if (available && variant) {
      subtotal += total.amount;
      baseSubtotal += toBase(variant.price).amount * item.quantity;
    }
    return {
      id: item.id,
      variantId: item.variantId,
      sku: variant?.sku ?? '',
      title: variant?.title ?? '',
      quantity: item.quantity,
      unitPrice,
      total,
      available,
    };
  });

  const hasGoods = baseSubtotal > 0;
  const baseDiscount = Math.min(input.promo ? toBase(input.promo.discount).amount : 0, baseSubtotal);
  const shippingFree = !hasGoods || input.promo?.freeShipping === true || baseSubtotal >= input.shipping.freeThresholdMinor;
  const baseShipping = shippingFree ? 0 : input.shipping.feeMinor;
  const base = rates.base;
  const baseTotals: Totals = {
    subtotal: money(baseSubtotal, base),
    discount: money(baseDiscount, base),
    shipping: money(baseShipping, base),
    total: money(baseSubtotal - baseDiscount + baseShipping, base),
  };
  const discount = Math.min(convert(baseTotals.discount).amount, subtotal);
  const shipping = convert(baseTotals.shipping).amount;
  return {
    lines,
    baseTotals,
    totals: {
      subtotal: money(subtotal, currency),
      discount: money(discount, currency),
      shipping: money(shipping, currency),
      total: money(subtotal - discount + shipping, currency),
    },
    exchangeRate: target,
  };
}
