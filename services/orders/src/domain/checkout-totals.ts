import type { CheckoutCart } from '@bazar/contracts/clients/cart';
import { convertMoney, type Money, money } from '@bazar/kit/money';
import { CartEmpty, CartUnavailableItems, TooManyPoints } from './order.errors.ts';
import type { OrderLine, OrderTotals } from './order.ts';

export interface LockedCart {
  lines: OrderLine[];
  currency: string;
  exchangeRate: string;
  baseCurrency: string;
  /** Subtotal and shipping in the base currency, what promotions price a redemption on. */
  baseSubtotal: Money;
  baseShipping: Money;
  subtotal: Money;
  shipping: Money;
  promoCode: string | null;
}

/** Freezes the cart's prices and rate for the order; unavailable or no items stop the checkout. */
export function lockCart(cart: CheckoutCart): LockedCart {
  const unavailable = cart.items.filter((i) => !i.available);
  if (unavailable.length > 0) throw CartUnavailableItems(unavailable.map((i) => ({ sku: i.sku, variantId: i.variantId })));
  if (cart.items.length === 0) throw CartEmpty();
  return {
    lines: cart.items.map((i) => ({
      variantId: i.variantId,
      sku: i.sku,
      title: i.title,
      quantity: i.quantity,
      unitPrice: i.unitPrice,
      total: i.total,
    })),
    currency: cart.currency,
    exchangeRate: cart.exchangeRate,
    baseCurrency: cart.baseCurrency,
    baseSubtotal: cart.baseTotals.subtotal,
    baseShipping: cart.baseTotals.shipping,
    subtotal: cart.totals.subtotal,
    shipping: cart.totals.shipping,
    promoCode: cart.promoCode,
  };
}

/**
 * The order's totals from the locked cart, the redeemed promotion and the held points (both in
 * the base currency, converted once at the locked rate). Points may not pay more than is owed.
 */
export function checkoutTotals(
  cart: LockedCart,
  promo: { discount: Money; freeShipping: boolean } | null,
  points: { value: Money } | null,
): OrderTotals {
  const toOrder = (amount: Money) => (amount.currency === cart.currency ? amount : convertMoney(amount, cart.currency, cart.exchangeRate));
  const subtotal = cart.subtotal.amount;
  const discount = promo ? Math.min(toOrder(promo.discount).amount, subtotal) : 0;
  const shipping = promo?.freeShipping ? 0 : cart.shipping.amount;
  const owed = subtotal - discount + shipping;
  const pointsDiscount = points ? toOrder(points.value).amount : 0;
  if (pointsDiscount > owed) throw TooManyPoints();
  const c = cart.currency;
  return {
    subtotal: money(subtotal, c),
    discount: money(discount, c),
    pointsDiscount: money(pointsDiscount, c),
    shipping: money(shipping, c),
    total: money(owed - pointsDiscount, c),
  };
}
