import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone.ts';

describe('normalizePhone', () => {
  it.each([
    ['+7 900 123-45-67', '79001234567'],
    ['8 (900) 123-45-67', '79001234567'],
    ['9001234567', '79001234567'],
    ['+44 20 7946 0958', '442079460958'],
  ])('reads %s as %s', (raw, expected) => expect(normalizePhone(raw)).toBe(expected));

  it('refuses what cannot be a number', () => {
    expect(normalizePhone('12-34')).toBeNull();
    expect(normalizePhone('not a phone')).toBeNull();
  });
});
