import { DomainError } from '@bazar/kit/errors';

export const CartNotFound = (id: string) => new DomainError('cart.not_found', 404, `No cart ${id}`);
export const CartItemNotFound = (id: string) => new DomainError('cart.item_not_found', 404, `No item ${id} in this cart`);
export const VariantNotFound = (id: string) => new DomainError('cart.variant_not_found', 404, `No product variant ${id}`);
export const VariantUnavailable = (id: string) => new DomainError('cart.variant_unavailable', 422, `Variant ${id} is no longer sold`);
export const CartForbidden = () => new DomainError('cart.forbidden', 403, 'This cart belongs to someone else');
export const LoginRequired = () =>
  new DomainError('auth.unauthorized', 401, 'This cart belongs to a signed-in customer; sign in to use it');
export const CartCheckedOut = (id: string) =>
  new DomainError('cart.checked_out', 409, `Cart ${id} was checked out and can no longer change`);
export const CartTooLarge = (detail: string) => new DomainError('cart.too_large', 422, detail);
export const CartBusy = () => new DomainError('cart.concurrent_update', 409, 'The cart changed at the same time; retry');
export const UnsupportedCurrency = (currency: string) =>
  new DomainError('cart.unsupported_currency', 422, `No exchange rate for ${currency}`, { currency });
export const TooManyWrongPromoCodes = (retryAfterSeconds: number) =>
  new DomainError('cart.too_many_promo_attempts', 429, 'Too many wrong promo codes; try again later', { retryAfterSeconds });
