import { DomainError, InputError } from '@bazar/kit/errors';

export const UnknownCurrency = (field: string, code: string) =>
  new InputError([{ path: field, message: `is not an ISO 4217 currency code: ${code}` }], `Unknown currency ${code}`);
export const InvalidRate = (field = 'rate') =>
  new InputError([{ path: field, message: 'must be a decimal string greater than zero, such as "0.0108"' }]);
export const BaseRateFixed = (base: string) =>
  new DomainError('rates.base_rate_fixed', 422, `${base} is the base currency; its rate is always 1`, { currency: base });
export const RateNotSet = (currency: string) => new DomainError('rates.rate_not_set', 422, `No rate is set for ${currency}`, { currency });
export const RateNotFound = (currency: string) => new DomainError('rates.rate_not_found', 404, `No rate is set for ${currency}`);
/** The provider could not be reached or sent something unusable; the rate table is unchanged. */
export const ProviderUnavailable = (detail: string, cause?: unknown) =>
  new DomainError('rates.provider_unavailable', 503, `The rate provider failed: ${detail}`, undefined, { cause });
