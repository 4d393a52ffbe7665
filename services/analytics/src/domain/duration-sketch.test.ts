import { describe, expect, it } from 'vitest';
import { bucketOf, bucketValue, quantile, RELATIVE_ERROR } from './duration-sketch.ts';

const exactQuantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.max(1, Math.ceil(q * values.length)) - 1] as number;

describe('duration sketch', () => {
  it('reads every bucket back within the relative error of the durations in it', () => {
    for (const seconds of [1, 2, 59, 60, 61, 3_599, 7_200, 86_400, 30 * 86_400]) {
      expect(Math.abs(bucketValue(bucketOf(seconds)) - seconds) / seconds).toBeLessThanOrEqual(RELATIVE_ERROR + 1e-9);
    }
  });

  it('gives p50 and p90 within 1% of the exact nearest-rank quantiles of a spread of durations', () => {
    const values = Array.from({ length: 2_000 }, (_, i) => 300 + ((i * 7_919) % 172_800));
    const counts = new Map<number, number>();
    for (const v of values) counts.set(bucketOf(v), (counts.get(bucketOf(v)) ?? 0) + 1);
    for (const q of [0.5, 0.9]) {
      const exact = exactQuantile(values, q);
      expect(Math.abs((quantile(counts, q) as number) - exact) / exact).toBeLessThanOrEqual(RELATIVE_ERROR + 1 / exact);
    }
  });

  it('puts sub-second durations in bucket 0 and answers null for an empty sketch', () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(0.4)).toBe(0);
    expect(quantile(new Map(), 0.5)).toBeNull();
    expect(quantile(new Map([[0, 3]]), 0.9)).toBe(0);
  });
});
