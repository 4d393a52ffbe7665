import { describe, expect, it } from 'vitest';
import { decimalRatio, invertRatio, multiplyRatio, ratioToDecimal } from './rate-math.ts';

const r = (numerator: bigint, denominator: bigint) => ({ numerator, denominator });

describe('ratioToDecimal', () => {
  it.each([
    [r(1n, 3n), '0.3333333333'],
    [r(2n, 3n), '0.6666666667'],
    [r(1n, 1n), '1'],
    [r(1n, 8n), '0.125'],
    [r(10n, 4n), '2.5'],
    [r(123456789012345n, 1n), '123456789000000'],
    [r(1n, 10n ** 15n), '0.000000000000001'],
    [r(1n, 7n * 10n ** 6n), '0.0000001428571429'],
    [r(22n, 7n), '3.142857143'],
  ])('writes %o as %s', (ratio, text) => {
    expect(ratioToDecimal(ratio)).toBe(text);
  });

  it('rounds exact halves to even at the last kept digit', () => {
    // 0.12345678905 → …890 (0 is even); 0.12345678915 → …892 (1 is odd → 2)
    expect(ratioToDecimal(r(12345678905n, 10n ** 11n))).toBe('0.123456789');
    expect(ratioToDecimal(r(12345678915n, 10n ** 11n))).toBe('0.1234567892');
    expect(ratioToDecimal(r(25n, 10n), 1)).toBe('2');
    expect(ratioToDecimal(r(35n, 10n), 1)).toBe('4');
  });

  it('carries a round-up into a new digit', () => {
    expect(ratioToDecimal(r(99999999995n, 10n ** 11n))).toBe('1');
    expect(ratioToDecimal(r(999999999951n, 10n))).toBe('100000000000');
  });

  it('refuses zero and negative fractions', () => {
    expect(() => ratioToDecimal(r(0n, 1n))).toThrow(RangeError);
    expect(() => ratioToDecimal(r(-1n, 2n))).toThrow(RangeError);
  });
});

describe('decimalRatio', () => {
  it('reads decimal commas and points exactly', () => {
    expect(decimalRatio('80,1234')).toEqual(r(801234n, 10000n));
    expect(decimalRatio('0.0108')).toEqual(r(108n, 10000n));
    expect(decimalRatio('100')).toEqual(r(100n, 1n));
  });

  it('refuses anything else', () => {
    for (const bad of ['', '1e5', '-1', '1,2,3', 'abc']) expect(() => decimalRatio(bad)).toThrow(RangeError);
  });

  it('multiplies and inverts without rounding', () => {
    const value = multiplyRatio(decimalRatio('20,6612'), invertRatio(r(100n, 1n)));
    expect(ratioToDecimal(invertRatio(value))).toBe('4.839989933');
  });
});
