import { DomainError } from '@bazar/kit/errors';

export const OrderNotFound = (id: string) => new DomainError('orders.not_found', 404, `No order ${id}`);
export const OrderForbidden = () => new DomainError('orders.forbidden', 403, 'This order belongs to someone else');
export const CartNotYours = () => new DomainError('orders.cart_forbidden', 403, 'This cart belongs to someone else');
export const CartEmpty = () => new DomainError('orders.cart_empty', 422, 'The cart has no items to order');
export const CartCheckedOut = (cartId: string) => new DomainError('orders.cart_checked_out', 409, `Cart ${cartId} was already checked out`);
export const CartUnavailableItems = (items: { sku: string; variantId: string }[]) =>
  new DomainError('orders.items_unavailable', 409, 'Some items are no longer sold; remove them from the cart', { items });
export const CheckoutInProgress = (cartId: string) =>
  new DomainError('orders.checkout_in_progress', 409, `Cart ${cartId} is being checked out already`);
export const TooManyPoints = () => new DomainError('orders.too_many_points', 422, 'The points are worth more than the order; use fewer');
export const CheckoutFailed = (detail: string) => new DomainError('orders.checkout_failed', 503, detail);
export const CancelNotAllowed = (status: string) =>
  new DomainError('orders.cancel_not_allowed', 409, `The order can no longer be cancelled by you (it is ${status})`, {
    orderStatus: status,
  });
export const RefundNotAllowed = (status: string) =>
  new DomainError('orders.refund_not_allowed', 409, `An order that is ${status} cannot be refunded`, { orderStatus: status });
export const RefundTooLarge = (left: number) =>
  new DomainError('orders.refund_exceeds_paid', 422, `At most ${left} minor units are left to refund`, { left });
export const UnknownTestCardToken = (token: string, valid: readonly string[]) =>
  new DomainError('orders.unknown_test_card_token', 422, `"${token}" is not a test card token; use one of ${valid.join(', ')}`, {
    validTokens: valid,
  });
