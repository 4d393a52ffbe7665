import { DomainError } from '@bazar/kit/errors';

export const PromotionNotFound = (code: string) => new DomainError('promotions.not_found', 404, `No promotion ${code}`);
export const CodeTaken = (code: string) => new DomainError('promotions.code_taken', 409, `Promotion code ${code} already exists`);
export const InvalidCode = (code: string) => new DomainError('promotions.invalid_code', 422, `Promo code ${code} is not valid`);
export const NotStarted = (code: string, startsAt: Date) =>
  new DomainError('promotions.not_started', 422, `Promo code ${code} is valid from ${startsAt.toISOString()}`, {
    startsAt: startsAt.toISOString(),
  });
export const Expired = (code: string) => new DomainError('promotions.expired', 422, `Promo code ${code} has expired`);
export const Exhausted = (code: string) => new DomainError('promotions.exhausted', 422, `Promo code ${code} has no uses left`);
export const MinSubtotalNotMet = (code: string, minimum: { amount: number; currency: string }) =>
  new DomainError(
    'promotions.min_subtotal_not_met',
    422,
    `Promo code ${code} needs a subtotal of at least ${minimum.amount} ${minimum.currency}`,
    {
      minSubtotal: minimum,
    },
  );
export const PerCustomerLimit = (code: string, limit: number) =>
  new DomainError('promotions.per_customer_limit', 422, `Promo code ${code} may be used ${limit} time(s) per customer`, { limit });
export const CurrencyMismatch = (code: string, expected: string, given: string) =>
  new DomainError('promotions.currency_mismatch', 422, `Promo code ${code} is set in ${expected}; the subtotal is in ${given}`, {
    expected,
    given,
  });
export const InsufficientPoints = (balance: number, wanted: number) =>
  new DomainError('promotions.insufficient_points', 422, `Not enough points: balance ${balance}, wanted ${wanted}`, { balance, wanted });
