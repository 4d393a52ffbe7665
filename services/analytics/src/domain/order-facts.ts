/** Order statuses whose time analytics keeps (the `at` of each `order.<status>.v1`). */
export const TIMED_STATUSES = ['awaiting_payment', 'paid', 'picking', 'packed', 'shipped', 'delivered', 'cancelled', 'refunded'] as const;
export type TimedStatus = (typeof TIMED_STATUSES)[number];

export interface FactLine {
  sku: string;
  title: string;
  quantity: number;
  /** unit price × quantity, minor units of the order currency. */
  amountMinor: number;
}

/**
 * What analytics knows of one order, merged from its events in any order: every merge is
 * commutative (first snapshot wins for fields all snapshots share, earliest time per status,
 * largest refunded total), so replays and reordering give the same facts.
 */
export interface OrderFacts {
  orderId: string;
  number: string | null;
  orderType: string;
  currency: string | null;
  exchangeRate: string | null;
  totalMinor: number | null;
  /** Everything refunded so far, minor units of the order currency. */
  refundedMinor: number;
  lines: FactLine[];
  times: Partial<Record<TimedStatus, string>>;
}

export interface OrderSnapshotInput {
  orderId: string;
  number: string;
  status: string;
  total: { amount: number; currency: string };
  exchangeRate: string;
  lines: { sku: string; title: string; quantity: number; unitPrice: { amount: number } }[];
  at: string;
}

export const emptyFacts = (orderId: string, orderType = 'goods'): OrderFacts => ({
  orderId,
  number: null,
  orderType,
  currency: null,
  exchangeRate: null,
  totalMinor: null,
  refundedMinor: 0,
  lines: [],
  times: {},
});

const earliest = (a: string | undefined, b: string) => (a === undefined || Date.parse(b) < Date.parse(a) ? b : a);

/** Merges an `order.<status>.v1` snapshot into the facts. */
export function withSnapshot(facts: OrderFacts, snapshot: OrderSnapshotInput): OrderFacts {
  const status = snapshot.status as TimedStatus;
  const known = facts.totalMinor !== null;
  return {
    ...facts,
    number: facts.number ?? snapshot.number,
    currency: known ? facts.currency : snapshot.total.currency,
    exchangeRate: known ? facts.exchangeRate : snapshot.exchangeRate,
    totalMinor: known ? facts.totalMinor : snapshot.total.amount,
    lines: known
      ? facts.lines
      : snapshot.lines.map((l) => ({ sku: l.sku, title: l.title, quantity: l.quantity, amountMinor: l.unitPrice.amount * l.quantity })),
    times: TIMED_STATUSES.includes(status) ? { ...facts.times, [status]: earliest(facts.times[status], snapshot.at) } : facts.times,
  };
}

/** Merges a refund: `refundedTotal` is cumulative, so the largest one seen is the truth. */
export function withRefund(facts: OrderFacts, refundedTotalMinor: number): OrderFacts {
  return { ...facts, refundedMinor: Math.max(facts.refundedMinor, refundedTotalMinor) };
}
