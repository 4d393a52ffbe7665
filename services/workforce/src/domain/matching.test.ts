import { describe, expect, it } from 'vitest';
import { appendTried, offerExpiry, whenNobodyFree } from './matching.ts';

const at = (iso: string) => new Date(iso);

describe('matching rules', () => {
  it('remembers each worker who let an offer go once', () => {
    expect(appendTried([], 'a')).toEqual(['a']);
    expect(appendTried(['a', 'b'], 'a')).toEqual(['a', 'b']);
  });

  it('gives up when the job time has come or nobody untried is left, and waits otherwise', () => {
    const scheduledAt = at('2026-01-02T10:00:00Z');
    expect(whenNobodyFree({ now: at('2026-01-02T09:00:00Z'), scheduledAt, anyoneLeft: true })).toBe('wait');
    expect(whenNobodyFree({ now: at('2026-01-02T09:00:00Z'), scheduledAt, anyoneLeft: false })).toBe('unmatched');
    expect(whenNobodyFree({ now: scheduledAt, scheduledAt, anyoneLeft: true })).toBe('unmatched');
  });

  it('ends an offer after MATCH_OFFER_SECONDS, or at the job time if that comes first', () => {
    const now = at('2026-01-02T09:00:00Z');
    expect(offerExpiry(now, 120, at('2026-01-02T10:00:00Z')).toISOString()).toBe('2026-01-02T09:02:00.000Z');
    expect(offerExpiry(now, 7_200, at('2026-01-02T10:00:00Z')).toISOString()).toBe('2026-01-02T10:00:00.000Z');
  });
});
