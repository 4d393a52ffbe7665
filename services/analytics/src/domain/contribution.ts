import { convertMoneyCross } from '@bazar/kit/money';
import { bucketOf } from './duration-sketch.ts';
import type { OrderFacts } from './order-facts.ts';

export type DurationMetric = 'pay_to_packed' | 'packed_to_delivered';

/** What one order adds to the rollups of the day it was paid (UTC); the base currency throughout. */
export interface Contribution {
  day: string;
  orderType: string;
  orders: number;
  /** Paid and neither cancelled nor refunded in full. */
  kept: number;
  cancelled: number;
  grossMinor: number;
  refundsMinor: number;
  products: { sku: string; title: string; units: number; revenueMinor: number }[];
  durations: { metric: DurationMetric; bucket: number }[];
}

const toBase = (amount: number, facts: OrderFacts, base: string) =>
  convertMoneyCross({ amount, currency: facts.currency as string }, base, facts.exchangeRate as string, '1').amount;

const secondsBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 1000;

/**
 * An order counts from the moment analytics knows it was paid and what it cost. Totals and
 * refunds are each converted once, at the order's own rate (half-even), so the figures can be
 * recomputed from the orders and payments APIs to the minor unit.
 */
export function contributionOf(facts: OrderFacts, baseCurrency: string): Contribution | null {
  const paidAt = facts.times.paid;
  if (!paidAt || facts.totalMinor === null || !facts.currency || !facts.exchangeRate) return null;
  const refundedInFull = facts.times.refunded !== undefined;
  const cancelled = refundedInFull || facts.times.cancelled !== undefined;
  const refunded = refundedInFull ? Math.max(facts.totalMinor, facts.refundedMinor) : facts.refundedMinor;
  const durations: Contribution['durations'] = [];
  const { packed, delivered } = facts.times;
  if (packed) durations.push({ metric: 'pay_to_packed', bucket: bucketOf(secondsBetween(paidAt, packed)) });
  if (packed && delivered) durations.push({ metric: 'packed_to_delivered', bucket: bucketOf(secondsBetween(packed, delivered)) });
  return {
    day: new Date(paidAt).toISOString().slice(0, 10),
    orderType: facts.orderType,
    orders: 1,
    kept: cancelled ? 0 : 1,
    cancelled: cancelled ? 1 : 0,
    grossMinor: toBase(facts.totalMinor, facts, baseCurrency),
    refundsMinor: refunded > 0 ? toBase(refunded, facts, baseCurrency) : 0,
    products: cancelled
      ? []
      : facts.lines.map((l) => ({
          sku: l.sku,
          title: l.title,
          units: l.quantity,
          revenueMinor: toBase(l.amountMinor, facts, baseCurrency),
        })),
    durations,
  };
}
