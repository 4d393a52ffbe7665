import { describe, expect, it } from 'vitest';
import { aCheckoutCart } from '../../test/builders.ts';
import { checkoutTotals, lockCart } from './checkout-totals.ts';

const rub = (amount: number) => ({ amount, currency: 'RUB' });

describe('lockCart', () => {
  it('freezes lines, prices and the rate of the cart', () => {
    const locked = lockCart(aCheckoutCart());
    expect(locked.lines.map((l) => [l.sku, l.quantity, l.total.amount])).toEqual([
      ['TEA-1', 2, 20_000],
      ['CUP-1', 1, 5_000],
    ]);
    expect(locked).toMatchObject({ currency: 'RUB', exchangeRate: '1', baseSubtotal: rub(25_000) });
  });

  it('refuses an empty cart with 422 and unavailable items with 409 naming them', () => {
    expect(() => lockCart(aCheckoutCart({ items: [] }))).toThrow(expect.objectContaining({ code: 'orders.cart_empty', status: 422 }));
    const cart = aCheckoutCart();
    const gone = { ...cart.items[0], available: false } as (typeof cart.items)[number];
    expect(() => lockCart({ ...cart, items: [gone] })).toThrow(
      expect.objectContaining({
        code: 'orders.items_unavailable',
        status: 409,
        metadata: { items: [{ sku: 'TEA-1', variantId: gone.variantId }] },
      }),
    );
  });
});

describe('checkoutTotals', () => {
  const locked = lockCart(aCheckoutCart());

  it('adds shipping to the subtotal when there is no promotion or points', () => {
    expect(checkoutTotals(locked, null, null)).toEqual({
      subtotal: rub(25_000),
      discount: rub(0),
      pointsDiscount: rub(0),
      shipping: rub(30_000),
      total: rub(55_000),
    });
  });

  it('takes the redeemed discount (capped at the subtotal) and free shipping', () => {
    expect(checkoutTotals(locked, { discount: rub(99_999), freeShipping: false }, null).total).toEqual(rub(30_000));
    expect(checkoutTotals(locked, { discount: rub(0), freeShipping: true }, null).total).toEqual(rub(25_000));
  });

  it('lets points pay part or all of what is owed, never more', () => {
    expect(checkoutTotals(locked, null, { value: rub(5_000) })).toMatchObject({ pointsDiscount: rub(5_000), total: rub(50_000) });
    expect(checkoutTotals(locked, null, { value: rub(55_000) }).total).toEqual(rub(0));
    expect(() => checkoutTotals(locked, null, { value: rub(55_001) })).toThrow(expect.objectContaining({ code: 'orders.too_many_points' }));
  });

  it('converts base-currency discounts and points at the locked rate, half-even', () => {
    const usd = lockCart(
      aCheckoutCart({
        currency: 'USD',
        exchangeRate: '0.0108',
        items: aCheckoutCart().items.map((i) => ({
          ...i,
          unitPrice: { amount: 108, currency: 'USD' },
          total: { amount: 108 * i.quantity, currency: 'USD' },
        })),
        totals: {
          subtotal: { amount: 324, currency: 'USD' },
          discount: { amount: 0, currency: 'USD' },
          shipping: { amount: 324, currency: 'USD' },
          total: { amount: 648, currency: 'USD' },
        },
      }),
    );
    // 125.00 RUB × 0.0108 = 1.35 USD; 50.00 RUB of points = 0.54 USD
    const totals = checkoutTotals(usd, { discount: rub(12_500), freeShipping: false }, { value: rub(5_000) });
    expect(totals).toMatchObject({
      discount: { amount: 135, currency: 'USD' },
      pointsDiscount: { amount: 54, currency: 'USD' },
      total: { amount: 459, currency: 'USD' },
    });
  });
});
