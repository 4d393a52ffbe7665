import { describe, expect, it } from 'vitest';
import { assertRedeemable, computeDiscount, normalizeCode, type Promotion, remainingUses } from './promotion.ts';

const rub = (amount: number) => ({ amount, currency: 'RUB' });
const now = new Date('2030-06-01T12:00:00Z');
const promo = (over: Partial<Promotion> = {}): Promotion => ({
  id: '00000000-0000-7000-8000-000000000001',
  code: 'SALE',
  type: 'percent',
  percent: 10,
  amountMinor: null,
  minSubtotalMinor: null,
  currency: 'RUB',
  startsAt: null,
  endsAt: null,
  usageLimit: null,
  perCustomerLimit: null,
  used: 0,
  active: true,
  createdAt: now,
  ...over,
});
const check = (over: Partial<{ subtotal: { amount: number; currency: string }; customerUses: number | null; now: Date }> = {}) => ({
  now,
  subtotal: rub(100_000),
  customerUses: 0,
  ...over,
});
const codeOf = (fn: () => void) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('computeDiscount', () => {
  it.each([
    [10, 100_000, 10_000],
    [15, 333, 50], // 49.95 → 50
    [50, 1, 0], // 0.5 → 0 (half to even)
    [50, 3, 2], // 1.5 → 2 (half to even)
    [50, 5, 2], // 2.5 → 2 (half to even)
    [100, 12_345, 12_345],
    [1, 0, 0],
  ])('takes %i%% of %i minor units as %i, rounded half-even', (percent, subtotal, expected) => {
    expect(computeDiscount({ type: 'percent', percent, amountMinor: null }, rub(subtotal))).toEqual({
      discount: rub(expected),
      freeShipping: false,
    });
  });

  it('gives a fixed amount in full when the subtotal covers it', () => {
    expect(computeDiscount({ type: 'fixed', percent: null, amountMinor: 50_000 }, rub(100_000)).discount).toEqual(rub(50_000));
  });

  it('caps a fixed amount at the subtotal so the total never goes negative', () => {
    expect(computeDiscount({ type: 'fixed', percent: null, amountMinor: 50_000 }, rub(30_000)).discount).toEqual(rub(30_000));
  });

  it('gives free shipping as a zero discount with freeShipping true', () => {
    expect(computeDiscount({ type: 'free_shipping', percent: null, amountMinor: null }, rub(30_000))).toEqual({
      discount: rub(0),
      freeShipping: true,
    });
  });

  it('keeps the currency of the subtotal for a percent discount', () => {
    expect(computeDiscount({ type: 'percent', percent: 10, amountMinor: null }, { amount: 999, currency: 'USD' }).discount).toEqual({
      amount: 100,
      currency: 'USD',
    });
  });
});

describe('assertRedeemable', () => {
  it('accepts a valid active code', () => {
    expect(codeOf(() => assertRedeemable(promo(), 'sale', check()))).toBe('ok');
  });
  it('refuses an unknown or deactivated code with promotions.invalid_code', () => {
    expect(codeOf(() => assertRedeemable(undefined, 'nope', check()))).toBe('promotions.invalid_code');
    expect(codeOf(() => assertRedeemable(promo({ active: false }), 'sale', check()))).toBe('promotions.invalid_code');
  });
  it('refuses a code before its start with promotions.not_started', () => {
    expect(codeOf(() => assertRedeemable(promo({ startsAt: new Date('2030-07-01Z') }), 'sale', check()))).toBe('promotions.not_started');
  });
  it('refuses a code at or after its end with promotions.expired', () => {
    expect(codeOf(() => assertRedeemable(promo({ endsAt: now }), 'sale', check()))).toBe('promotions.expired');
  });
  it('refuses a code whose uses are all taken with promotions.exhausted', () => {
    expect(codeOf(() => assertRedeemable(promo({ usageLimit: 3, used: 3 }), 'sale', check()))).toBe('promotions.exhausted');
    expect(codeOf(() => assertRedeemable(promo({ usageLimit: 3, used: 2 }), 'sale', check()))).toBe('ok');
  });
  it('refuses a customer past the per-customer limit, but not an anonymous quote', () => {
    expect(codeOf(() => assertRedeemable(promo({ perCustomerLimit: 1 }), 'sale', check({ customerUses: 1 })))).toBe(
      'promotions.per_customer_limit',
    );
    expect(codeOf(() => assertRedeemable(promo({ perCustomerLimit: 1 }), 'sale', check({ customerUses: null })))).toBe('ok');
  });
  it('refuses a subtotal under the minimum with promotions.min_subtotal_not_met', () => {
    expect(codeOf(() => assertRedeemable(promo({ minSubtotalMinor: 100_001 }), 'sale', check()))).toBe('promotions.min_subtotal_not_met');
    expect(codeOf(() => assertRedeemable(promo({ minSubtotalMinor: 100_000 }), 'sale', check()))).toBe('ok');
  });
  it('refuses a fixed code against a subtotal in another currency with promotions.currency_mismatch', () => {
    const fixed = promo({ type: 'fixed', percent: null, amountMinor: 500 });
    expect(codeOf(() => assertRedeemable(fixed, 'sale', check({ subtotal: { amount: 1000, currency: 'USD' } })))).toBe(
      'promotions.currency_mismatch',
    );
    expect(codeOf(() => assertRedeemable(promo(), 'sale', check({ subtotal: { amount: 1000, currency: 'USD' } })))).toBe('ok');
  });
});

describe('codes and counts', () => {
  it('normalizes codes to trimmed upper case', () => {
    expect(normalizeCode('  Summer-10 ')).toBe('SUMMER-10');
  });
  it('reports remaining uses, null when unlimited', () => {
    expect(remainingUses({ usageLimit: 3, used: 1 })).toBe(2);
    expect(remainingUses({ usageLimit: null, used: 7 })).toBeNull();
  });
});
