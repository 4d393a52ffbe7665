import { DomainError } from '@bazar/kit/errors';

export const ReturnNotFound = (id: string) => new DomainError('orders.return_not_found', 404, `No return ${id}`);
export const ReturnForbidden = () => new DomainError('orders.return_forbidden', 403, 'This return belongs to someone else');
export const ReturnTooMuch = (items: { variantId: string; requested: number; returnable: number }[]) =>
  new DomainError('orders.return_exceeds_delivered', 422, 'More items than were delivered (and not returned yet)', { items });
export const ReturnNotDelivered = (status: string) =>
  new DomainError('orders.return_not_delivered', 409, `Only a delivered order can be returned (it is ${status})`, { orderStatus: status });
export const ReturnWindowClosed = (days: number) =>
  new DomainError('orders.return_window_closed', 422, `Returns are accepted within ${days} days of delivery`, { days });
export const ReceivedTooMuch = () => new DomainError('orders.return_received_exceeds', 422, 'More items received than the return holds');
