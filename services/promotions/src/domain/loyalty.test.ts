import { describe, expect, it } from 'vitest';
import { pointsEarned, pointsValue } from './loyalty.ts';

const rule = { baseCurrency: 'RUB', earnPercent: 5, pointValueMinor: 100 };

describe('pointsEarned', () => {
  it('pays 5% of a base-currency total in 1-rouble points, rounding down', () => {
    expect(pointsEarned({ amount: 129_900, currency: 'RUB' }, '1', rule)).toBe(64);
  });
  it('gives nothing for a total worth less than one point', () => {
    expect(pointsEarned({ amount: 1_999, currency: 'RUB' }, '1', rule)).toBe(0);
    expect(pointsEarned({ amount: 0, currency: 'RUB' }, '1', rule)).toBe(0);
  });
  it('brings a foreign total to the base currency at the order rate first', () => {
    // 100.00 USD at 0.0125 USD per RUB = 8 000.00 RUB → 5% = 400 RUB = 400 points
    expect(pointsEarned({ amount: 10_000, currency: 'USD' }, '0.0125', rule)).toBe(400);
  });
  it('follows the configured rate and point value', () => {
    expect(pointsEarned({ amount: 100_000, currency: 'RUB' }, '1', { ...rule, earnPercent: 10, pointValueMinor: 1 })).toBe(10_000);
    expect(pointsEarned({ amount: 100_000, currency: 'RUB' }, '1', { ...rule, earnPercent: 0 })).toBe(0);
  });
});

describe('pointsValue', () => {
  it('values points in minor units of the base currency', () => {
    expect(pointsValue(250, rule)).toEqual({ amount: 25_000, currency: 'RUB' });
  });
});
