import { describe, expect, it } from 'vitest';
import { isExhausted, retryDelaySeconds } from './retry.ts';

describe('retry backoff', () => {
  it('doubles from the base after each failure and stops growing at an hour', () => {
    expect([1, 2, 3, 4].map((a) => retryDelaySeconds(a, 5))).toEqual([5, 10, 20, 40]);
    expect(retryDelaySeconds(20, 5)).toBe(3600);
  });

  it('gives up when the attempts reach the limit', () => {
    expect(isExhausted(7, 8)).toBe(false);
    expect(isExhausted(8, 8)).toBe(true);
  });
});
