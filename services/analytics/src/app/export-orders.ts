import { paidOrdersPage } from '../db/export-repo.ts';
import { contributionOf } from '../domain/contribution.ts';
import { csvRow } from '../domain/csv.ts';
import type { OrderFacts } from '../domain/order-facts.ts';
import { addDays, resolvePeriod } from '../domain/period.ts';
import type { AnalyticsContext } from './context.ts';

const HEADER = [
  'number',
  'order_id',
  'type',
  'status',
  'paid_at',
  'packed_at',
  'delivered_at',
  'cancelled_at',
  'refunded_at',
  'currency',
  'total',
  'refunded',
  'exchange_rate',
  'base_currency',
  'total_base',
  'refunded_base',
  'net_base',
];
const PAGE = 1_000;

/** The furthest status the order reached, by the order's lifecycle. */
function statusOf(facts: OrderFacts): string {
  const order = ['refunded', 'cancelled', 'delivered', 'shipped', 'packed', 'picking', 'paid', 'awaiting_payment'] as const;
  return order.find((s) => facts.times[s]) ?? 'unknown';
}

/** The CSV of the orders paid in a period, one row per order (amounts in minor units), streamed page by page. */
export async function* exportOrders(ctx: AnalyticsContext, query: { from?: string; to?: string }): AsyncGenerator<string> {
  const period = resolvePeriod(query, ctx.deps.clock.now().toISOString().slice(0, 10));
  const from = new Date(`${period.from}T00:00:00Z`);
  const to = new Date(`${addDays(period.to, 1)}T00:00:00Z`);
  const base = ctx.config.BASE_CURRENCY;
  yield csvRow(HEADER);
  let after: { paidAt: Date; orderId: string } | null = null;
  for (;;) {
    const page = await paidOrdersPage(ctx.deps.db, from, to, after, PAGE);
    for (const { facts } of page) {
      const c = contributionOf(facts, base);
      const t = facts.times;
      yield csvRow([
        facts.number,
        facts.orderId,
        facts.orderType,
        statusOf(facts),
        t.paid ?? null,
        t.packed ?? null,
        t.delivered ?? null,
        t.cancelled ?? null,
        t.refunded ?? null,
        facts.currency,
        facts.totalMinor,
        facts.refundedMinor,
        facts.exchangeRate,
        base,
        c?.grossMinor ?? null,
        c?.refundsMinor ?? null,
        c ? c.grossMinor - c.refundsMinor : null,
      ]);
    }
    const last = page[page.length - 1];
    if (page.length < PAGE || !last) return;
    after = { paidAt: last.paidAt, orderId: last.facts.orderId };
  }
}
