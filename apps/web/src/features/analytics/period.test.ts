import { describe, expect, it } from 'vitest';
import { isDay, lastDays } from './period.ts';

describe('dashboard periods', () => {
  it('the last n days end today (UTC) and count today', () => {
    const now = new Date('2026-03-01T23:30:00Z');
    expect(lastDays(1, now)).toEqual({ from: '2026-03-01', to: '2026-03-01' });
    expect(lastDays(7, now)).toEqual({ from: '2026-02-23', to: '2026-03-01' });
    expect(lastDays(365, now)).toEqual({ from: '2025-03-02', to: '2026-03-01' });
  });

  it('takes only whole dates as days', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-2-28')).toBe(false);
    expect(isDay('')).toBe(false);
    expect(isDay('2026-13-01')).toBe(false);
  });
});
