import { describe, expect, it } from 'vitest';
import {
  addMoney,
  convertMoney,
  convertMoneyCross,
  divideHalfEven,
  minorUnitDigits,
  money,
  multiplyMoney,
  parseDecimal,
  subtractMoney,
} from './money.ts';

describe('divideHalfEven', () => {
  it.each([
    // numerator, denominator, expected: exact halves go to the even neighbour
    [5n, 10n, 0n],
    [15n, 10n, 2n],
    [25n, 10n, 2n],
    [35n, 10n, 4n],
    [45n, 10n, 4n],
    [1n, 2n, 0n],
    [3n, 2n, 2n],
    [5n, 2n, 2n],
    [7n, 2n, 4n],
  ])('rounds the exact half %s/%s to %s', (n, d, q) => {
    expect(divideHalfEven(n, d)).toBe(q);
  });

  it.each([
    [14n, 10n, 1n],
    [16n, 10n, 2n],
    [24n, 10n, 2n],
    [26n, 10n, 3n],
    [1n, 3n, 0n],
    [2n, 3n, 1n],
    [10n, 5n, 2n],
    [0n, 7n, 0n],
  ])('rounds the non-half %s/%s to the nearest, %s', (n, d, q) => {
    expect(divideHalfEven(n, d)).toBe(q);
  });

  it.each([
    [-5n, 10n, 0n],
    [-15n, 10n, -2n],
    [-25n, 10n, -2n],
    [-26n, 10n, -3n],
    [-24n, 10n, -2n],
    [15n, -10n, -2n],
    [-15n, -10n, 2n],
    [25n, -10n, -2n],
  ])('rounds negatives symmetrically: %s/%s → %s', (n, d, q) => {
    expect(divideHalfEven(n, d)).toBe(q);
  });

  it('keeps precision far beyond doubles', () => {
    const big = 10n ** 40n;
    expect(divideHalfEven(big * 3n + big / 2n, big)).toBe(4n);
    expect(divideHalfEven(big * 2n + big / 2n, big)).toBe(2n);
    expect(divideHalfEven(big * 2n + big / 2n + 1n, big)).toBe(3n);
  });

  it('refuses division by zero', () => {
    expect(() => divideHalfEven(1n, 0n)).toThrow(RangeError);
  });
});

describe('minorUnitDigits', () => {
  it.each([
    ['RUB', 2],
    ['USD', 2],
    ['EUR', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['XOF', 0],
    ['UGX', 0],
    ['KWD', 3],
    ['BHD', 3],
    ['IQD', 3],
    ['LYD', 3],
    ['CLF', 4],
  ])('%s has %s digits', (currency, digits) => {
    expect(minorUnitDigits(currency)).toBe(digits);
  });
});

describe('parseDecimal', () => {
  it.each([
    ['0.0108', 108n, 4],
    ['90,5', 905n, 1],
    ['1', 1n, 0],
    [' 12.340 ', 12340n, 3],
    ['0', 0n, 0],
    ['0.000000000000000000001', 1n, 21],
  ])('parses %j', (text, units, scale) => {
    expect(parseDecimal(text)).toEqual({ units, scale });
  });

  it.each(['', 'abc', '-1', '1e5', '1.', '.5', '1.2.3', '1,2,3', '+1', 'NaN'])('refuses %j', (text) => {
    expect(() => parseDecimal(text)).toThrow(RangeError);
  });
});

describe('convertMoney', () => {
  it('converts RUB to USD at a 4-digit rate, rounding half-even to cents', () => {
    // 1299.00 RUB × 0.0108 = 14.0292 USD → 14.03
    expect(convertMoney(money(129900, 'RUB'), 'USD', '0.0108')).toEqual({ amount: 1403, currency: 'USD' });
  });

  it('rounds an exact half cent to the even cent, both ways', () => {
    // 1.25 RUB × 0.5 = 0.625 → 0.62 ; 1.35 × 0.5 = 0.675 → 0.68
    expect(convertMoney(money(125, 'RUB'), 'USD', '0.5').amount).toBe(62);
    expect(convertMoney(money(135, 'RUB'), 'USD', '0.5').amount).toBe(68);
    // 0.01 × 0.5 = 0.005 → 0.00 ; 0.03 × 0.5 = 0.015 → 0.02 ; 0.05 × 0.5 = 0.025 → 0.02
    expect(convertMoney(money(1, 'RUB'), 'USD', '0.5').amount).toBe(0);
    expect(convertMoney(money(3, 'RUB'), 'USD', '0.5').amount).toBe(2);
    expect(convertMoney(money(5, 'RUB'), 'USD', '0.5').amount).toBe(2);
  });

  it('converts negative amounts (refunds) symmetrically', () => {
    expect(convertMoney(money(-125, 'RUB'), 'USD', '0.5').amount).toBe(-62);
    expect(convertMoney(money(-135, 'RUB'), 'USD', '0.5').amount).toBe(-68);
    expect(convertMoney(money(-129900, 'RUB'), 'USD', '0.0108').amount).toBe(-1403);
  });

  it('converts into a zero-digit currency (JPY)', () => {
    // 100.00 RUB × 1.9266 = 192.66 JPY → 193 yen
    expect(convertMoney(money(10000, 'RUB'), 'JPY', '1.9266')).toEqual({ amount: 193, currency: 'JPY' });
    // 2.5 yen → 2, 3.5 yen → 4
    expect(convertMoney(money(250, 'RUB'), 'JPY', '1').amount).toBe(2);
    expect(convertMoney(money(350, 'RUB'), 'JPY', '1').amount).toBe(4);
  });

  it('converts out of a zero-digit currency (JPY → RUB gains two digits)', () => {
    // 193 yen × 0.519034 = 100.173562 RUB → 100.17
    expect(convertMoney(money(193, 'JPY'), 'RUB', '0.519034')).toEqual({ amount: 10017, currency: 'RUB' });
  });

  it('converts into a three-digit currency (KWD)', () => {
    // 1000.00 RUB × 0.0037915 = 3.7915 KWD → 3.792 (exact half, 1 is odd → up)
    expect(convertMoney(money(100000, 'RUB'), 'KWD', '0.0037915')).toEqual({ amount: 3792, currency: 'KWD' });
    // 1000.00 RUB × 0.0037925 = 3.7925 → 3.792 (2 is even → stays)
    expect(convertMoney(money(100000, 'RUB'), 'KWD', '0.0037925').amount).toBe(3792);
  });

  it('converts from KWD to JPY (three digits down to zero)', () => {
    // 1.500 KWD × 480.5 = 720.75 JPY → 721
    expect(convertMoney(money(1500, 'KWD'), 'JPY', '480.5').amount).toBe(721);
  });

  it('uses every digit of a long decimal rate', () => {
    // 1,000,000.00 RUB × 0.0124806525 = 12480.6525 USD → 12480.65 (a quarter cent rounds down)
    expect(convertMoney(money(100000000, 'RUB'), 'USD', '0.0124806525').amount).toBe(1248065);
    // 1.00 RUB × 0.0124999999999999 = 1.24999… cents → 1 cent
    expect(convertMoney(money(100, 'RUB'), 'USD', '0.0124999999999999').amount).toBe(1);
    // a 20-digit rate just above half a cent rounds up
    expect(convertMoney(money(1, 'RUB'), 'USD', '0.50000000000000000001').amount).toBe(1);
  });

  it('accepts a decimal comma in the rate', () => {
    expect(convertMoney(money(10000, 'RUB'), 'USD', '0,0108').amount).toBe(108);
  });

  it('returns the same money for the same currency', () => {
    expect(convertMoney(money(12345, 'RUB'), 'RUB', '99')).toEqual({ amount: 12345, currency: 'RUB' });
  });

  it('refuses a malformed rate and results beyond the safe integer range', () => {
    expect(() => convertMoney(money(100, 'RUB'), 'USD', '1e5')).toThrow(RangeError);
    expect(() => convertMoney(money(Number.MAX_SAFE_INTEGER, 'RUB'), 'USD', '2')).toThrow(RangeError);
  });
});

describe('convertMoneyCross', () => {
  // base RUB: USD 0.0125, EUR 0.01 → 1 USD = 0.8 EUR
  it('converts between two non-base currencies with one rounding', () => {
    expect(convertMoneyCross(money(1000, 'USD'), 'EUR', '0.0125', '0.01')).toEqual({ amount: 800, currency: 'EUR' });
  });

  it('equals convertMoney when the source is the base (rate 1)', () => {
    for (const amount of [1, 5, 15, 25, 129900, -125, 999999]) {
      expect(convertMoneyCross(money(amount, 'RUB'), 'USD', '1', '0.0108')).toEqual(convertMoney(money(amount, 'RUB'), 'USD', '0.0108'));
    }
  });

  it('converts into the base by dividing by the source rate', () => {
    // 14.03 USD / 0.0108 = 1299.0740… RUB → 1299.07
    expect(convertMoneyCross(money(1403, 'USD'), 'RUB', '0.0108', '1').amount).toBe(129907);
  });

  it('handles digit shifts and exact halves across currencies', () => {
    // 1 JPY → USD with JPY 2, USD 0.0125 per base: 1/2 × 0.0125 = 0.00625 USD → 0.01 (0.625 cents)
    expect(convertMoneyCross(money(1, 'JPY'), 'USD', '2', '0.0125').amount).toBe(1);
    // 0.02 USD → JPY: 0.02 / 0.0125 × 2 = 3.2 → 3 yen
    expect(convertMoneyCross(money(2, 'USD'), 'JPY', '0.0125', '2').amount).toBe(3);
    // exact half: 0.01 USD at USD 0.04, KWD 0.002 → 0.0005 KWD = 0.5 fils → 0
    expect(convertMoneyCross(money(1, 'USD'), 'KWD', '0.04', '0.002').amount).toBe(0);
    expect(convertMoneyCross(money(3, 'USD'), 'KWD', '0.04', '0.002').amount).toBe(2);
    expect(convertMoneyCross(money(-3, 'USD'), 'KWD', '0.04', '0.002').amount).toBe(-2);
  });

  it('refuses a zero source rate', () => {
    expect(() => convertMoneyCross(money(1, 'USD'), 'EUR', '0', '1')).toThrow(RangeError);
  });
});

describe('money arithmetic', () => {
  it('adds, subtracts and multiplies in one currency', () => {
    expect(addMoney(money(150, 'RUB'), money(250, 'RUB'))).toEqual(money(400, 'RUB'));
    expect(subtractMoney(money(150, 'RUB'), money(250, 'RUB'))).toEqual(money(-100, 'RUB'));
    expect(multiplyMoney(money(150, 'RUB'), 3)).toEqual(money(450, 'RUB'));
  });

  it('refuses mixing currencies and fractional minor units', () => {
    expect(() => addMoney(money(1, 'RUB'), money(1, 'USD'))).toThrow(RangeError);
    expect(() => money(1.5, 'RUB')).toThrow(RangeError);
    expect(() => multiplyMoney(money(3, 'RUB'), 0.5)).toThrow(RangeError);
  });
});
