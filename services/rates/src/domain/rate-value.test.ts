import { describe, expect, it } from 'vitest';
import { isKnownCurrency } from './currency-codes.ts';
import { normalizeRate } from './rate-value.ts';

describe('normalizeRate', () => {
  it.each([
    ['0.0108', '0.0108'],
    ['0.010800', '0.0108'],
    ['007.50', '7.5'],
    ['1.0', '1'],
    ['100', '100'],
    ['0.00000000000000000001', '0.00000000000000000001'],
    ['12345678901234567890.5', '12345678901234567890.5'],
  ])('keeps %j exactly as %j', (text, normalized) => {
    expect(normalizeRate(text)).toBe(normalized);
  });

  it.each(['0', '0.0', '000.000', '-1', 'abc', '1e5', '', ' 1', '1.', '.5', '1,5', '0x10', 'Infinity', '123456789012345678901'])(
    'refuses %j',
    (text) => {
      expect(normalizeRate(text)).toBeNull();
    },
  );
});

describe('isKnownCurrency', () => {
  it('knows ISO 4217 codes, CBR special ones included', () => {
    for (const code of ['RUB', 'USD', 'EUR', 'CNY', 'KZT', 'JPY', 'KWD', 'AMD', 'BYN', 'XDR']) expect(isKnownCurrency(code)).toBe(true);
  });

  it('refuses well-formed codes ISO does not list', () => {
    for (const code of ['ABC', 'XXY', 'RUR', 'usd', 'US']) expect(isKnownCurrency(code)).toBe(false);
  });
});
