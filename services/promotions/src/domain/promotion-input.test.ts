import { describe, expect, it } from 'vitest';
import { type PromotionInput, toPromotionTerms } from './promotion-input.ts';

const terms = (input: Partial<PromotionInput>) => toPromotionTerms({ code: 'X', type: 'percent', value: 10, ...input }, 'RUB');
const paths = (input: Partial<PromotionInput>) => {
  const result = terms(input);
  return 'errors' in result ? result.errors.map((e) => e.path) : [];
};

describe('toPromotionTerms', () => {
  it('takes a whole percent from 1 to 100', () => {
    expect(terms({ value: 15 })).toMatchObject({ terms: { type: 'percent', percent: 15, amountMinor: null } });
    expect(paths({ value: 0 })).toEqual(['value']);
    expect(paths({ value: 101 })).toEqual(['value']);
    expect(paths({ value: { amount: 10, currency: 'RUB' } })).toEqual(['value']);
    expect(paths({ value: undefined })).toEqual(['value']);
  });

  it('takes a fixed value as Money in the base currency or as bare minor units', () => {
    expect(terms({ type: 'fixed', value: { amount: 50_000, currency: 'RUB' } })).toMatchObject({ terms: { amountMinor: 50_000 } });
    expect(terms({ type: 'fixed', value: 50_000 })).toMatchObject({ terms: { amountMinor: 50_000 } });
  });

  it('refuses a fixed value in another currency, naming value.currency', () => {
    expect(paths({ type: 'fixed', value: { amount: 500, currency: 'USD' } })).toEqual(['value.currency']);
    expect(paths({ type: 'fixed', value: undefined })).toEqual(['value']);
  });

  it('takes minSubtotal in either shape and checks its currency', () => {
    expect(terms({ minSubtotal: 100_000 })).toMatchObject({ terms: { minSubtotalMinor: 100_000 } });
    expect(terms({ minSubtotal: { amount: 5, currency: 'RUB' } })).toMatchObject({ terms: { minSubtotalMinor: 5 } });
    expect(paths({ minSubtotal: { amount: 5, currency: 'EUR' } })).toEqual(['minSubtotal.currency']);
  });

  it('takes free shipping without a value', () => {
    expect(terms({ type: 'free_shipping', value: undefined })).toMatchObject({ terms: { type: 'free_shipping', percent: null } });
    expect(paths({ type: 'free_shipping', value: 5 })).toEqual(['value']);
  });

  it('requires endsAt after startsAt', () => {
    expect(paths({ startsAt: '2030-01-02T00:00:00Z', endsAt: '2030-01-01T00:00:00Z' })).toEqual(['endsAt']);
    expect(paths({ startsAt: '2030-01-01T00:00:00Z', endsAt: '2030-01-01T00:00:00Z' })).toEqual(['endsAt']);
    expect(terms({ startsAt: '2030-01-01T00:00:00Z', endsAt: '2030-01-02T00:00:00Z' })).toMatchObject({
      terms: { startsAt: new Date('2030-01-01T00:00:00Z'), endsAt: new Date('2030-01-02T00:00:00Z') },
    });
  });
});
