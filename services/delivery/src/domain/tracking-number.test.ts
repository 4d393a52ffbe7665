import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatTrackingNumber, isTrackingNumber } from './tracking-number.ts';

describe('tracking numbers', () => {
  it('spells 10 bytes as BZ and 16 Crockford base32 characters', () => {
    expect(formatTrackingNumber(new Uint8Array(10))).toBe('BZ0000000000000000');
    expect(formatTrackingNumber(new Uint8Array(10).fill(255))).toBe('BZZZZZZZZZZZZZZZZZ');
    expect(formatTrackingNumber(Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 33]))).toBe('BZ0000000000000011');
  });

  it('gives distinct, well-formed numbers for random bytes', () => {
    const numbers = Array.from({ length: 1000 }, () => formatTrackingNumber(randomBytes(10)));
    expect(new Set(numbers).size).toBe(1000);
    expect(numbers.every(isTrackingNumber)).toBe(true);
  });

  it('refuses the wrong amount of randomness and rejects malformed numbers', () => {
    expect(() => formatTrackingNumber(new Uint8Array(4))).toThrow();
    expect(isTrackingNumber('BZ000000000000000I')).toBe(false);
    expect(isTrackingNumber('bz0000000000000000')).toBe(false);
    expect(isTrackingNumber('BZ000')).toBe(false);
  });
});
