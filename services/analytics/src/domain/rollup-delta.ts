import type { Contribution, DurationMetric } from './contribution.ts';

export type Grain = 'day' | 'month';
export const GRAINS: readonly Grain[] = ['day', 'month'];

/** The first day of the period of `grain` a day falls in. */
export const periodOf = (day: string, grain: Grain) => (grain === 'day' ? day : `${day.slice(0, 7)}-01`);

export interface TotalsDelta {
  grain: Grain;
  period: string;
  orderType: string;
  orders: number;
  kept: number;
  cancelled: number;
  grossMinor: number;
  refundsMinor: number;
}
export interface ProductDelta {
  grain: Grain;
  period: string;
  sku: string;
  title: string;
  units: number;
  revenueMinor: number;
}
export interface DurationDelta {
  grain: Grain;
  period: string;
  metric: DurationMetric;
  bucket: number;
  count: number;
}

/** Everything a batch of events changes in the rollups, summed per row key; rows that net to zero are dropped. */
export interface RollupDelta {
  totals: TotalsDelta[];
  products: ProductDelta[];
  durations: DurationDelta[];
}

/**
 * The rollups change by (after − before) of every order a batch touched, so folding an event
 * twice, or events in another order, leaves the same rollups as the facts they merge into.
 */
export function rollupDelta(changes: { before: Contribution | null; after: Contribution | null }[]): RollupDelta {
  const totals = new Map<string, TotalsDelta>();
  const products = new Map<string, ProductDelta>();
  const durations = new Map<string, DurationDelta>();
  const add = (c: Contribution, sign: 1 | -1) => {
    for (const grain of GRAINS) {
      const period = periodOf(c.day, grain);
      const tKey = `${grain}|${period}|${c.orderType}`;
      const t = totals.get(tKey) ?? {
        grain,
        period,
        orderType: c.orderType,
        orders: 0,
        kept: 0,
        cancelled: 0,
        grossMinor: 0,
        refundsMinor: 0,
      };
      t.orders += sign * c.orders;
      t.kept += sign * c.kept;
      t.cancelled += sign * c.cancelled;
      t.grossMinor += sign * c.grossMinor;
      t.refundsMinor += sign * c.refundsMinor;
      totals.set(tKey, t);
      for (const p of c.products) {
        const pKey = `${grain}|${period}|${p.sku}`;
        const row = products.get(pKey) ?? { grain, period, sku: p.sku, title: p.title, units: 0, revenueMinor: 0 };
        row.units += sign * p.units;
        row.revenueMinor += sign * p.revenueMinor;
        products.set(pKey, row);
      }
      for (const d of c.durations) {
        const dKey = `${grain}|${period}|${d.metric}|${d.bucket}`;
        const row = durations.get(dKey) ?? { grain, period, metric: d.metric, bucket: d.bucket, count: 0 };
        row.count += sign;
        durations.set(dKey, row);
      }
    }
  };
  for (const { before, after } of changes) {
    if (before) add(before, -1);
    if (after) add(after, 1);
  }
  // Rows in key order, so concurrent folds lock them in the same order.
  const sorted = <T>(map: Map<string, T>) => [...map.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, v]) => v);
  return {
    totals: sorted(totals).filter((t) => t.orders || t.kept || t.cancelled || t.grossMinor || t.refundsMinor),
    products: sorted(products).filter((p) => p.units || p.revenueMinor),
    durations: sorted(durations).filter((d) => d.count !== 0),
  };
}
