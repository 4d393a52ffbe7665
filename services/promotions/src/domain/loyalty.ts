import { convertMoneyCross, type Money, money } from '@bazar/kit/money';

/** Why a balance changed; stored in the history and sent in `loyalty.points_changed`. */
/** `return_revoked`: points earned on items the customer returned, taken back (one row per return). */
export type PointsReason = 'earned' | 'spent' | 'returned' | 'revoked' | 'return_revoked';

/** One change of a customer's balance, as the ledger records it and `loyalty.points_changed` reports it. */
export interface PointsChange {
  id: string;
  customerId: string;
  /** The balance read under `lockAccount` in this transaction. */
  balanceBefore: number;
  delta: number;
  reason: PointsReason;
  orderId: string | null;
  holdId: string | null;
  at: Date;
  /** What |delta| points are worth in the base currency (carried by the event for the ledger). */
  value: Money;
}

export interface EarnRule {
  baseCurrency: string;
  /** Percent of the order total (in the base currency) paid back in points. */
  earnPercent: number;
  /** Minor units of the base currency one point is worth. */
  pointValueMinor: number;
}

/**
 * Points a delivered order earns: the total is brought to the base currency at the order's own rate
 * (units of the order currency per base unit), then floor(total × percent / 100 / point value).
 * With the defaults (5 %, 1 point = 100 kopecks) a 1 299.00 RUB order earns 64 points.
 */
export function pointsEarned(total: Money, exchangeRate: string, rule: EarnRule): number {
  const base = total.currency === rule.baseCurrency ? total : convertMoneyCross(total, rule.baseCurrency, exchangeRate, '1');
  if (base.amount <= 0) return 0;
  const points = (BigInt(base.amount) * BigInt(rule.earnPercent)) / (100n * BigInt(rule.pointValueMinor));
  return Number(points);
}

/** What `points` are worth in the base currency. */
export const pointsValue = (points: number, rule: Pick<EarnRule, 'baseCurrency' | 'pointValueMinor'>): Money =>
  money(points * rule.pointValueMinor, rule.baseCurrency);
