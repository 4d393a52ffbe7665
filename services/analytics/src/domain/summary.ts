import { divideHalfEven } from '@bazar/kit/money';
import { quantile } from './duration-sketch.ts';
import { weekOf } from './period.ts';

export interface TotalsRow {
  day: string;
  orderType: string;
  orders: number;
  kept: number;
  cancelled: number;
  grossMinor: number;
  refundsMinor: number;
}

/** Net revenue over kept orders, half-even; 0 when no order was kept. */
export const averageMinor = (revenueMinor: number, kept: number) =>
  kept > 0 ? Number(divideHalfEven(BigInt(revenueMinor), BigInt(kept))) : 0;

interface Sums {
  orders: number;
  kept: number;
  cancelled: number;
  revenueMinor: number;
}
const zero = (): Sums => ({ orders: 0, kept: 0, cancelled: 0, revenueMinor: 0 });
const addRow = (s: Sums, r: TotalsRow) => {
  s.orders += r.orders;
  s.kept += r.kept;
  s.cancelled += r.cancelled;
  s.revenueMinor += r.grossMinor - r.refundsMinor;
};

/** Period totals, the series by day or ISO week (empty buckets included), and the split by order type. */
export function summarizeTotals(rows: TotalsRow[], days: string[], groupBy: 'day' | 'week') {
  const all = zero();
  const series = new Map<string, Sums>();
  for (const day of days) {
    const key = groupBy === 'week' ? weekOf(day) : day;
    if (!series.has(key)) series.set(key, zero());
  }
  const byType = new Map<string, Sums>();
  for (const r of rows) {
    addRow(all, r);
    const key = groupBy === 'week' ? weekOf(r.day) : r.day;
    const bucket = series.get(key) ?? zero();
    addRow(bucket, r);
    series.set(key, bucket);
    const type = byType.get(r.orderType) ?? zero();
    addRow(type, r);
    byType.set(r.orderType, type);
  }
  return {
    totals: all,
    series: [...series.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([date, s]) => ({ date, ...s })),
    byType: [...byType.entries()].sort((a, b) => b[1].orders - a[1].orders || (a[0] < b[0] ? -1 : 1)).map(([type, s]) => ({ type, ...s })),
  };
}

/** p50 and p90 of a summed sketch, in seconds (null when nothing was measured). */
export function percentiles(buckets: { bucket: number; count: number }[]) {
  const counts = new Map(buckets.map((b) => [b.bucket, b.count]));
  return { p50: quantile(counts, 0.5), p90: quantile(counts, 0.9), count: buckets.reduce((n, b) => n + b.count, 0) };
}
