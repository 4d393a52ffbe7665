import { divideHalfEven, type Money, money } from '@bazar/kit/money';
import { CurrencyMismatch, Exhausted, Expired, InvalidCode, MinSubtotalNotMet, NotStarted, PerCustomerLimit } from './promotion.errors.ts';

export type PromotionType = 'percent' | 'fixed' | 'free_shipping';

/** A promo code as the domain sees it; fixed amounts and minimums are in `currency` (the base currency). */
export interface Promotion {
  id: string;
  code: string;
  type: PromotionType;
  /** Whole percent 1–100 for `percent`, else null. */
  percent: number | null;
  /** Minor units for `fixed`, else null. */
  amountMinor: number | null;
  minSubtotalMinor: number | null;
  currency: string;
  startsAt: Date | null;
  endsAt: Date | null;
  usageLimit: number | null;
  perCustomerLimit: number | null;
  used: number;
  active: boolean;
  createdAt: Date;
}

export interface Discount {
  discount: Money;
  freeShipping: boolean;
}

/** Codes are compared case-insensitively: stored and looked up upper-cased. */
export const normalizeCode = (code: string) => code.trim().toUpperCase();

/**
 * The discount a promotion gives on a subtotal: percent rounds half-even to minor units,
 * fixed is capped at the subtotal (a total never goes negative), free shipping discounts 0.
 */
export function computeDiscount(promotion: Pick<Promotion, 'type' | 'percent' | 'amountMinor'>, subtotal: Money): Discount {
  const base = Math.max(0, subtotal.amount);
  switch (promotion.type) {
    case 'percent': {
      const value = divideHalfEven(BigInt(base) * BigInt(promotion.percent ?? 0), 100n);
      return { discount: money(Number(value), subtotal.currency), freeShipping: false };
    }
    case 'fixed':
      return { discount: money(Math.min(base, promotion.amountMinor ?? 0), subtotal.currency), freeShipping: false };
    case 'free_shipping':
      return { discount: money(0, subtotal.currency), freeShipping: true };
  }
}

/** What a use of the code is checked against; `customerUses` is null for an anonymous quote. */
export interface RedeemCheck {
  now: Date;
  subtotal: Money;
  customerUses: number | null;
}

/**
 * Throws the first rule the use breaks (422 `promotions.<reason>`), in the order a customer can act on:
 * unknown/inactive, window, total limit, per-customer limit, currency, minimum subtotal.
 */
export function assertRedeemable(promotion: Promotion | undefined, code: string, check: RedeemCheck): asserts promotion is Promotion {
  if (!promotion?.active) throw InvalidCode(normalizeCode(code));
  if (promotion.startsAt && check.now < promotion.startsAt) throw NotStarted(promotion.code, promotion.startsAt);
  if (promotion.endsAt && check.now >= promotion.endsAt) throw Expired(promotion.code);
  if (promotion.usageLimit !== null && promotion.used >= promotion.usageLimit) throw Exhausted(promotion.code);
  if (promotion.perCustomerLimit !== null && check.customerUses !== null && check.customerUses >= promotion.perCustomerLimit) {
    throw PerCustomerLimit(promotion.code, promotion.perCustomerLimit);
  }
  const needsCurrency = promotion.type === 'fixed' || promotion.minSubtotalMinor !== null;
  if (needsCurrency && check.subtotal.currency !== promotion.currency) {
    throw CurrencyMismatch(promotion.code, promotion.currency, check.subtotal.currency);
  }
  if (promotion.minSubtotalMinor !== null && check.subtotal.amount < promotion.minSubtotalMinor) {
    throw MinSubtotalNotMet(promotion.code, money(promotion.minSubtotalMinor, promotion.currency));
  }
}

/** Uses left under the total limit, or null when unlimited. */
export const remainingUses = (p: Pick<Promotion, 'usageLimit' | 'used'>) =>
  p.usageLimit === null ? null : Math.max(0, p.usageLimit - p.used);
