import { describe, expect, it } from 'vitest';
import type { CartItem } from './cart.ts';
import { canPriceIn, type PricedVariant, priceCart } from './cart-pricing.ts';

const rub = (amount: number) => ({ amount, currency: 'RUB' });
const variants = new Map<string, PricedVariant>([
  ['v1', { sku: 'TEA-1', title: 'Green tea', price: rub(129_900), archived: false }],
  ['v2', { sku: 'CUP-1', title: 'Cup', price: rub(50_050), archived: false }],
  ['old', { sku: 'OLD-1', title: 'Old thing', price: rub(10_000), archived: true }],
]);
const rates = { base: 'RUB', rates: { USD: '0.0108', EUR: '0.0100' } };
const shipping = { feeMinor: 30_000, freeThresholdMinor: 500_000 };
const item = (id: string, variantId: string, quantity: number): CartItem => ({ id, variantId, quantity });

describe('priceCart', () => {
  it('multiplies unit prices by quantity and adds flat shipping below the threshold', () => {
    const priced = priceCart({ items: [item('a', 'v1', 2), item('b', 'v2', 1)], variants, currency: 'RUB', rates, shipping, promo: null });
    expect(priced.lines.map((l) => l.total.amount)).toEqual([259_800, 50_050]);
    expect(priced.totals).toEqual({ subtotal: rub(309_850), discount: rub(0), shipping: rub(30_000), total: rub(339_850) });
    expect(priced.exchangeRate).toBe('1');
  });

  it('makes shipping free from the threshold on', () => {
    const priced = priceCart({ items: [item('a', 'v1', 4)], variants, currency: 'RUB', rates, shipping, promo: null });
    expect(priced.totals.shipping.amount).toBe(0);
    expect(priced.totals.total.amount).toBe(519_600);
  });

  it('charges no shipping for an empty cart', () => {
    const priced = priceCart({ items: [], variants, currency: 'RUB', rates, shipping, promo: null });
    expect(priced.totals).toEqual({ subtotal: rub(0), discount: rub(0), shipping: rub(0), total: rub(0) });
  });

  it('applies a promotion discount, capped at the subtotal', () => {
    const promo = { discount: rub(1_000_000), freeShipping: false };
    const priced = priceCart({ items: [item('a', 'v2', 1)], variants, currency: 'RUB', rates, shipping, promo });
    expect(priced.totals).toEqual({ subtotal: rub(50_050), discount: rub(50_050), shipping: rub(30_000), total: rub(30_000) });
  });

  it('drops shipping for a free-shipping promotion', () => {
    const promo = { discount: rub(0), freeShipping: true };
    const priced = priceCart({ items: [item('a', 'v2', 1)], variants, currency: 'RUB', rates, shipping, promo });
    expect(priced.totals.shipping.amount).toBe(0);
  });

  it('converts each amount into the cart currency with half-even rounding and reports the rate used', () => {
    const priced = priceCart({ items: [item('a', 'v2', 3)], variants, currency: 'USD', rates, shipping, promo: null });
    // 500.50 RUB × 0.0108 = 5.4054 USD → 5.41 (half-even at the cent)
    expect(priced.lines[0]?.unitPrice).toEqual({ amount: 541, currency: 'USD' });
    expect(priced.totals.subtotal).toEqual({ amount: 1_623, currency: 'USD' });
    expect(priced.totals.shipping).toEqual({ amount: 324, currency: 'USD' });
    expect(priced.baseTotals.subtotal).toEqual(rub(150_150));
    expect(priced.exchangeRate).toBe('0.0108');
  });

  it('shows archived and unknown variants as unavailable lines outside the totals', () => {
    const priced = priceCart({
      items: [item('a', 'old', 1), item('b', 'gone', 2), item('c', 'v2', 1)],
      variants,
      currency: 'RUB',
      rates,
      shipping,
      promo: null,
    });
    expect(priced.lines.map((l) => l.available)).toEqual([false, false, true]);
    expect(priced.lines[1]).toMatchObject({ sku: '', total: rub(0) });
    expect(priced.totals.subtotal).toEqual(rub(50_050));
  });

  it('knows which currencies it can price in', () => {
    expect(canPriceIn(rates, 'RUB')).toBe(true);
    expect(canPriceIn(rates, 'USD')).toBe(true);
    expect(canPriceIn(rates, 'JPY')).toBe(false);
  });
});
