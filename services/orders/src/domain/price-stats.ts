import type { Money } from '@bazar/kit/money';

export interface PriceStats {
  count: number;
  average: Money;
  median: Money;
}

/** Count, average and median of amounts in one currency (rounded half up to minor units); zero when there are none. */
export function priceStatsOf(amounts: readonly number[], currency: string): PriceStats {
  const sorted = [...amounts].sort((a, b) => a - b);
  const count = sorted.length;
  if (count === 0) return { count, average: { amount: 0, currency }, median: { amount: 0, currency } };
  const sum = sorted.reduce((s, a) => s + a, 0);
  const mid = Math.floor(count / 2);
  const median = count % 2 === 1 ? (sorted[mid] as number) : Math.round(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2);
  return { count, average: { amount: Math.round(sum / count), currency }, median: { amount: median, currency } };
}
