import { describe, expect, it } from 'vitest';
import { formatMoment, formatMoney } from './format.ts';

describe('formatMoney', () => {
  it('writes minor units as the locale does', () => {
    expect(formatMoney(129_900, 'RUB', 'ru')).toBe('1 299,00 ₽');
    expect(formatMoney(129_900, 'USD', 'en')).toBe('US$1,299.00');
  });
});

describe('formatMoment', () => {
  it("writes an instant in the shop's time zone", () => {
    expect(formatMoment('2026-12-03T11:30:00Z', 'ru', 'Europe/Moscow')).toContain('14:30');
    expect(formatMoment('2026-12-03T11:30:00Z', 'en', 'Europe/Moscow')).toContain('3 Dec');
  });
});
