import { DomainError } from '@bazar/kit/errors';

export const PaymentNotFound = (id: string) => new DomainError('payments.not_found', 404, `No payment ${id}`);
export const PaymentIdReused = (id: string) =>
  new DomainError('payments.id_reused', 422, `Payment ${id} already exists with another order, customer, amount or provider`);
export const ProviderUnavailable = (provider: string) =>
  new DomainError('payments.provider_unavailable', 422, `Payment provider "${provider}" is not configured`, { provider });
export const ProviderUnreachable = (provider: string) =>
  new DomainError('payments.provider_unreachable', 503, `Payment provider "${provider}" did not answer; retry with the same id`, {
    provider,
  });
export const NotAwaitingAction = (status: string) =>
  new DomainError('payments.not_requires_action', 409, `The payment is ${status}, not waiting for confirmation`, { paymentStatus: status });
export const NotRefundable = (status: string) =>
  new DomainError('payments.not_refundable', 409, `A ${status} payment cannot be refunded`, { paymentStatus: status });
export const RefundExceedsCaptured = (left: number, currency: string) =>
  new DomainError('payments.refund_exceeds_captured', 422, `Only ${left} ${currency} (minor units) is left to refund`, {
    left: { amount: left, currency },
  });
export const CurrencyMismatch = (expected: string) =>
  new DomainError('payments.currency_mismatch', 422, `Amounts of this payment are in ${expected}`, { expected });
export const RefundIdReused = (id: string) =>
  new DomainError('payments.refund_id_reused', 422, `Refund ${id} belongs to another payment or amount`);
export const RefundFailed = (reason: string) =>
  new DomainError('payments.refund_failed', 422, `The provider refused the refund: ${reason}`, { reason });
export const InvalidSignature = (detail: string) => new DomainError('payments.invalid_signature', 400, detail);
export const InvalidWebhook = (detail: string) => new DomainError('payments.invalid_webhook', 400, detail);
export const UnknownProvider = (provider: string) =>
  new DomainError('payments.unknown_provider', 404, `No payment provider "${provider}"`, { provider });
export const NotCapturable = (status: string) =>
  new DomainError('payments.not_capturable', 409, `Only an authorized payment can be captured; this one is ${status}`);
export const CaptureExceedsAuthorization = (authorized: number, currency: string) =>
  new DomainError('payments.capture_exceeds_authorization', 422, `At most ${authorized} ${currency} (minor units) was authorized`);
