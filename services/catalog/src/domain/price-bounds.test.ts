import { convertMoney, money } from '@bazar/kit/money';
import { describe, expect, it } from 'vitest';
import { toBaseBounds } from './price-bounds.ts';

describe('toBaseBounds', () => {
  it('passes bounds through in the base currency', () => {
    expect(toBaseBounds({ min: 1, max: 2 }, 'RUB', 'RUB', '1')).toEqual({ min: 1, max: 2 });
  });

  it.each([
    ['USD', '0.0108', 1000, 5000],
    ['EUR', '0.0100', 1, 3],
    ['JPY', '1.65', 100, 1000],
    ['KWD', '0.0033', 10, 900],
  ])('in %s at %s the base bounds match exactly the displayed prices within [%i, %i]', (currency, rate, min, max) => {
    const bounds = toBaseBounds({ min, max }, 'RUB', currency, rate);
    const shown = (amount: number) => convertMoney(money(amount, 'RUB'), currency, rate).amount;
    expect(bounds.min).not.toBeNull();
    expect(bounds.max).not.toBeNull();
    const low = bounds.min as number;
    const high = bounds.max as number;
    expect(shown(low)).toBeGreaterThanOrEqual(min);
    if (low > 0) expect(shown(low - 1)).toBeLessThan(min);
    expect(shown(high)).toBeLessThanOrEqual(max);
    expect(shown(high + 1)).toBeGreaterThan(max);
  });

  it('keeps open ends open', () => {
    expect(toBaseBounds({ min: null, max: 100 }, 'RUB', 'USD', '0.0108').min).toBeNull();
    expect(toBaseBounds({ min: 100, max: null }, 'RUB', 'USD', '0.0108').max).toBeNull();
  });
});
