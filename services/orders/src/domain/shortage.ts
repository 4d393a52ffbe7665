import { money } from '@bazar/kit/money';
import { type Order, refundableLeft } from './order.ts';

/**
 * Units of a line the warehouse could not find leave a paid order: the line and the totals shrink,
 * the discounts shrink in proportion (the customer keeps the same rate of discount on what is
 * left), shipping stays, and the refund is what those units cost after their share of discounts.
 * Nothing to take (unknown SKU, nothing left) → no change and no refund.
 */
export function removeUnits(order: Order, sku: string, quantity: number): { order: Order; refund: number } {
  const line = order.lines.find((l) => l.sku === sku);
  const units = Math.min(quantity, line?.quantity ?? 0);
  if (!line || units <= 0) return { order, refund: 0 };
  const { subtotal, discount, pointsDiscount, shipping, total } = order.totals;
  const value = line.unitPrice.amount * units;
  const shareOf = (amount: number) => (subtotal.amount > 0 ? Math.round((amount * value) / subtotal.amount) : 0);
  const promoShare = shareOf(discount.amount);
  const pointsShare = shareOf(pointsDiscount.amount);
  const refund = Math.max(0, Math.min(value - promoShare - pointsShare, refundableLeft(order)));
  const c = order.currency;
  const lines = order.lines.map((l) =>
    l === line
      ? {
          ...l,
          quantity: l.quantity - units,
          total: money(l.total.amount - value, c),
          removed: { quantity: (l.removed?.quantity ?? 0) + units, refund: money((l.removed?.refund.amount ?? 0) + refund, c) },
        }
      : l,
  );
  const totals = {
    subtotal: money(subtotal.amount - value, c),
    discount: money(discount.amount - promoShare, c),
    pointsDiscount: money(pointsDiscount.amount - pointsShare, c),
    shipping,
    total: money(total.amount - refund, c),
  };
  return { order: { ...order, lines, totals }, refund };
}
