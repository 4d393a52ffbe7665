import { DomainError, InputError } from '@bazar/kit/errors';

export const InvalidOrderType = (path: string, message: string) => new InputError([{ path: `/${path}`, message }]);
export const OrderTypeNotFound = (id: string) => new DomainError('orders.order_type_not_found', 404, `No order type ${id}`);
export const OrderTypeCodeTaken = (code: string) => new DomainError('orders.order_type_code_taken', 409, `An order type ${code} exists`);
export const BuiltInType = () => new DomainError('orders.built_in_type', 409, 'The built-in goods type cannot be changed');
export const NotBookable = (why: string) => new DomainError('orders.type_not_bookable', 422, why);
export const ScheduledInPast = () => new DomainError('orders.scheduled_in_past', 422, 'The job must be scheduled in the future');
export const MaterialsUnpriced = (skus: string[]) =>
  new DomainError('orders.materials_unpriced', 422, `The catalog does not sell ${skus.join(', ')}`, { skus });
export const RequestNotFound = (id: string) => new DomainError('orders.service_request_not_found', 404, `No service request ${id}`);
export const NotYourRequest = () => new DomainError('orders.service_request_forbidden', 403, 'This service request is not yours');
export const PaymentDeclined = (reason: string | null | undefined) =>
  new DomainError('orders.payment_declined', 422, `The card was declined (${reason ?? 'declined'}); nothing was booked`);
export const BookingInProgress = () =>
  new DomainError('orders.booking_in_progress', 409, 'A booking with this Idempotency-Key is still running');
export const BookingFailed = (detail: string) => new DomainError('orders.booking_failed', 503, detail);
export const AlreadyRated = () => new DomainError('orders.already_rated', 409, 'This request was rated already');
export const NotRateable = (status: string) =>
  new DomainError('orders.not_rateable', 409, `Only a completed request can be rated; this one is ${status}`);
export const NoWorker = () => new DomainError('orders.no_worker', 409, 'No worker is assigned to this request');
export const CancelRefused = (status: string) =>
  new DomainError('orders.cancel_not_allowed', 409, `The request can no longer be cancelled by you (it is ${status})`);
export const MaterialNotInKit = (sku: string) =>
  new DomainError('orders.material_not_in_kit', 422, `${sku} is not among this type's materials`, { sku });
export const NotEquipped = () =>
  new DomainError('orders.not_equipped', 409, 'The kit for this job has not been picked yet; start once it is equipped');
