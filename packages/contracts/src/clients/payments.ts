import { expectOk, type ServiceTransport } from '@bazar/kit/clients';
import type { Money } from '@bazar/kit/money';

export type PaymentStatus =
  | 'pending'
  | 'requires_action'
  | 'authorized'
  | 'captured'
  | 'failed'
  | 'voided'
  | 'refunded'
  | 'partially_refunded';

export interface PaymentView {
  id: string;
  orderId: string;
  status: PaymentStatus;
  amount: Money;
  provider: string;
  failureReason?: string | null;
  /** For `requires_action`: where the customer completes the challenge (test provider: the confirm route). */
  nextAction?: { type: string; url: string } | null;
}

/** The test provider's card tokens and what each one does; any other token is refused (422) before checkout starts. */
export const TEST_CARD_TOKENS = {
  tok_success: 'authorized and captured at once: the order is paid',
  tok_decline: 'declined (card_declined): the order is cancelled, its stock released and the cart open again',
  tok_3ds: 'needs 3-D Secure: the payment is requires_action until POST /api/v1/payments/{id}/confirm',
} as const;
export type TestCardToken = keyof typeof TEST_CARD_TOKENS;
export const isTestCardToken = (token: string): token is TestCardToken => Object.hasOwn(TEST_CARD_TOKENS, token);

/**
 * Payments' internal API, idempotent by the caller-chosen ids:
 * - `POST /internal/v1/payments` `{paymentId, orderId, customerId, amount, provider, token}` → 201 PaymentView
 *   (repeat → the same). `test` tokens: `tok_success` → `captured`, `tok_decline` → `failed`,
 *   `tok_3ds` → `requires_action`. The outcome is also published (`payment.captured.v1` / `payment.failed.v1`).
 *   Optional `discount` and `loyalty` (same currency, ≥ 0) are the parts of the list price settled by a promotion
 *   and by points: the ledger books revenue at list price and those as discounts / loyalty liability.
 *   Provider down → 503 `payments.provider_unreachable` (the payment stays as it was; repeat or void it).
 * - `POST /internal/v1/payments/{id}/void` → 200 PaymentView (releases an authorization; a captured payment is refunded in full instead).
 * - `POST /internal/v1/payments/{id}/capture` `{amount}` → 200 PaymentView: captures a manual authorization for
 *   at most the authorized amount (more → 422; not authorized → 409; a repeat answers the captured payment).
 * - `POST /internal/v1/payments/{id}/refund` `{refundId, amount?, reason}` → 200 PaymentView; more than what is left → 422.
 */
/** What `POST /internal/v1/payments` takes. */
export interface CreatePaymentRequest {
  paymentId: string;
  orderId: string;
  customerId: string;
  amount: Money;
  provider: string;
  token: string;
  /** Parts of the order's list price settled without the card (they shape the ledger entry). */
  discount?: Money | null;
  loyalty?: Money | null;
  /** `manual`: stop at `authorized`; the caller captures later with `capture` (a service request's actual amount). */
  capture?: 'automatic' | 'manual';
}

export function paymentsClient(transport: ServiceTransport) {
  return {
    async create(input: CreatePaymentRequest): Promise<PaymentView> {
      const response = await transport.call({
        method: 'POST',
        path: '/internal/v1/payments',
        body: input,
        idempotencyKey: input.paymentId,
      });
      return expectOk(response);
    },
    async void(paymentId: string): Promise<PaymentView> {
      return expectOk(await transport.call({ method: 'POST', path: `/internal/v1/payments/${paymentId}/void` }));
    },
    async capture(paymentId: string, amount: Money): Promise<PaymentView> {
      return expectOk(await transport.call({ method: 'POST', path: `/internal/v1/payments/${paymentId}/capture`, body: { amount } }));
    },
    async refund(paymentId: string, input: { refundId: string; amount?: Money; reason: string }): Promise<PaymentView> {
      const response = await transport.call({
        method: 'POST',
        path: `/internal/v1/payments/${paymentId}/refund`,
        body: input,
        idempotencyKey: input.refundId,
      });
      return expectOk(response);
    },
  };
}
export type PaymentsClient = ReturnType<typeof paymentsClient>;
