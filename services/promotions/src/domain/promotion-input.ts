import type { PromotionType } from './promotion.ts';

/** A fixed amount as the API accepts it: Money, or bare minor units of the base currency. */
export type AmountInput = number | { amount: number; currency: string };

export interface PromotionInput {
  code: string;
  type: PromotionType;
  value?: AmountInput;
  minSubtotal?: AmountInput;
  startsAt?: string;
  endsAt?: string;
  usageLimit?: number;
  perCustomerLimit?: number;
}

/** The terms a new promotion is stored with, every amount in the base currency. */
export interface PromotionTerms {
  type: PromotionType;
  percent: number | null;
  amountMinor: number | null;
  minSubtotalMinor: number | null;
  startsAt: Date | null;
  endsAt: Date | null;
  usageLimit: number | null;
  perCustomerLimit: number | null;
}

export type FieldError = { path: string; message: string };

/** Minor units of an amount input, or an error when its currency is not the base one. */
function minorUnits(value: AmountInput, path: string, base: string, errors: FieldError[]): number | null {
  if (typeof value === 'number') return value;
  if (value.currency !== base) {
    errors.push({ path: `${path}.currency`, message: `must be ${base}, the store's base currency` });
    return null;
  }
  return value.amount;
}

/**
 * Checks the rules the schema cannot express (value per type, currency, the window) and returns the
 * terms to store, or the field errors for a 400. Percent is a whole number 1–100; basis points are not taken.
 */
export function toPromotionTerms(input: PromotionInput, base: string): { terms: PromotionTerms } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  let percent: number | null = null;
  let amountMinor: number | null = null;
  if (input.type === 'percent') {
    if (typeof input.value !== 'number' || !Number.isInteger(input.value) || input.value < 1 || input.value > 100) {
      errors.push({ path: 'value', message: 'must be a whole percent from 1 to 100' });
    } else percent = input.value;
  } else if (input.type === 'fixed') {
    if (input.value === undefined) errors.push({ path: 'value', message: 'is required for a fixed discount' });
    else amountMinor = minorUnits(input.value, 'value', base, errors);
  } else if (input.value !== undefined && input.value !== 0) {
    errors.push({ path: 'value', message: 'must be absent (or 0) for free shipping' });
  }
  const minSubtotalMinor = input.minSubtotal === undefined ? null : minorUnits(input.minSubtotal, 'minSubtotal', base, errors);
  const startsAt = input.startsAt ? new Date(input.startsAt) : null;
  const endsAt = input.endsAt ? new Date(input.endsAt) : null;
  if (startsAt && endsAt && endsAt <= startsAt) errors.push({ path: 'endsAt', message: 'must be after startsAt' });
  if (errors.length > 0) return { errors };
  return {
    terms: {
      type: input.type,
      percent,
      amountMinor,
      minSubtotalMinor,
      startsAt,
      endsAt,
      usageLimit: input.usageLimit ?? null,
      perCustomerLimit: input.perCustomerLimit ?? null,
    },
  };
}
