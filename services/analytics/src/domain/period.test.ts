import type { InputError } from '@bazar/kit/errors';
import { describe, expect, it } from 'vitest';
import { resolvePeriod, splitPeriod, weekOf } from './period.ts';

describe('periods', () => {
  it('defaults to the 30 days up to today and refuses an inverted or too long period', () => {
    expect(resolvePeriod({}, '2026-03-31')).toEqual({ from: '2026-03-02', to: '2026-03-31' });
    expect(() => resolvePeriod({ from: '2026-03-02', to: '2026-03-01' }, '2026-03-31')).toThrow(/request/);
    expect(() => resolvePeriod({ from: '2020-01-01', to: '2026-03-01' }, '2026-03-31')).toThrow();
  });

  it('splits a period into whole months and the loose days at its edges', () => {
    expect(splitPeriod({ from: '2025-03-15', to: '2026-03-14' })).toEqual({
      months: { from: '2025-04-01', to: '2026-02-01' },
      days: [
        { from: '2025-03-15', to: '2025-03-31' },
        { from: '2026-03-01', to: '2026-03-14' },
      ],
    });
    expect(splitPeriod({ from: '2026-02-01', to: '2026-02-28' })).toEqual({ months: { from: '2026-02-01', to: '2026-02-01' }, days: [] });
    expect(splitPeriod({ from: '2026-02-02', to: '2026-02-28' })).toEqual({
      months: null,
      days: [{ from: '2026-02-02', to: '2026-02-28' }],
    });
  });

  it('starts weeks on Monday', () => {
    expect(weekOf('2026-03-01')).toBe('2026-02-23');
    expect(weekOf('2026-03-02')).toBe('2026-03-02');
  });
});

describe('days a period may name', () => {
  it('refuses a day past 9998 or before 1970 as a 400 naming the field, instead of running off the calendar', () => {
    const fieldOf = (input: { from?: string; to?: string }) => {
      try {
        resolvePeriod(input, '2026-12-03');
      } catch (error) {
        return (error as InputError).errors.map((e) => e.path);
      }
      return [];
    };
    expect(fieldOf({ to: '9999-12-31' })).toEqual(['to']);
    expect(fieldOf({ from: '1969-12-31', to: '1970-01-05' })).toEqual(['from']);
    expect(resolvePeriod({ from: '9998-12-01', to: '9998-12-31' }, '2026-12-03')).toEqual({ from: '9998-12-01', to: '9998-12-31' });
  });
});
