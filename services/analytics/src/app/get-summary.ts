import { dailyTotals, durationBuckets, topProducts, workerTotals } from '../db/summary-repo.ts';
import { addDays, resolvePeriod, splitPeriod } from '../domain/period.ts';
import { averageMinor, percentiles, summarizeTotals } from '../domain/summary.ts';
import type { AnalyticsContext } from './context.ts';

export interface SummaryQuery {
  from?: string;
  to?: string;
  groupBy?: 'day' | 'week';
  top?: number;
}

/** The manager's summary of a period (CONTRACT "Analytics"), every amount in the store currency. */
export async function getSummary(ctx: AnalyticsContext, query: SummaryQuery) {
  const { db, clock } = ctx.deps;
  const period = resolvePeriod(query, clock.now().toISOString().slice(0, 10));
  const split = splitPeriod(period);
  const [rows, top, buckets, people] = await Promise.all([
    dailyTotals(db, period),
    topProducts(db, split, query.top ?? 10),
    durationBuckets(db, split),
    workerTotals(db, split, 50),
  ]);
  const days: string[] = [];
  for (let d = period.from; d <= period.to; d = addDays(d, 1)) days.push(d);
  const { totals, series, byType } = summarizeTotals(rows, days, query.groupBy ?? 'day');
  const currency = ctx.config.BASE_CURRENCY;
  const money = (amount: number) => ({ amount, currency });
  const payToPacked = percentiles(buckets.filter((b) => b.metric === 'pay_to_packed'));
  const packedToDelivered = percentiles(buckets.filter((b) => b.metric === 'packed_to_delivered'));
  return {
    from: period.from,
    to: period.to,
    groupBy: query.groupBy ?? 'day',
    currency,
    orders: totals.orders,
    kept: totals.kept,
    cancelled: totals.cancelled,
    revenue: money(totals.revenueMinor),
    averageOrderValue: money(averageMinor(totals.revenueMinor, totals.kept)),
    topProducts: top.map((p) => ({ sku: p.sku, title: p.title, units: p.units, revenue: money(p.revenueMinor) })),
    byDay: series.map((s) => ({
      date: s.date,
      orders: s.orders,
      cancelled: s.cancelled,
      revenue: money(s.revenueMinor),
      averageOrderValue: money(averageMinor(s.revenueMinor, s.kept)),
    })),
    byOrderType: byType.map((t) => ({
      type: t.type,
      count: t.orders,
      kept: t.kept,
      revenue: money(t.revenueMinor),
      averagePrice: money(averageMinor(t.revenueMinor, t.kept)),
    })),
    fulfilment: {
      payToPackedP50: payToPacked.p50,
      payToPackedP90: payToPacked.p90,
      packedToDeliveredP50: packedToDelivered.p50,
      packedToDeliveredP90: packedToDelivered.p90,
      packed: payToPacked.count,
      delivered: packedToDelivered.count,
    },
    workers: people.map((w) => ({
      role: w.role,
      workerId: w.workerId,
      jobs: w.jobs,
      units: w.units,
      averageSeconds: w.jobs > 0 ? Math.round(w.seconds / w.jobs) : 0,
    })),
  };
}
