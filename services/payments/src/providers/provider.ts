import type { Money } from '@bazar/kit/money';
import type { ProviderOutcome } from '../domain/payment.ts';

export type { ProviderOutcome };

/** What a provider said about a refund. */
export interface RefundOutcome {
  status: 'succeeded' | 'pending' | 'failed';
  providerRef?: string | null;
  reason?: string | null;
}

/** A refund the provider reports by webhook: one we asked for, or one made in its dashboard. */
export interface RefundReport {
  /** The provider's id of the refund. */
  providerRef: string;
  /** Ours, when the provider echoes it (the metadata of a refund we asked for). */
  refundId: string | null;
  amount: Money;
  status: RefundOutcome['status'];
  reason: string | null;
}

/** A verified provider webhook, reduced to what payments acts on. */
export interface WebhookEvent {
  /** The provider's event id: webhooks are deduplicated by it. */
  eventId: string;
  type: string;
  /** Ours, when the provider echoes it (metadata), else found through `providerRef`. */
  paymentId: string | null;
  providerRef: string | null;
  /** Null for event types payments does not act on (they are acknowledged and recorded). */
  outcome: ProviderOutcome | null;
  /** Set for refund events (`outcome` is then null). */
  refund?: RefundReport | null;
}

export type Headers = Record<string, string | string[] | undefined>;

/**
 * The port every payment provider adapter implements. Calls are idempotent by our ids
 * (paymentId, refundId), so a crashed flow can simply call again; they run outside any
 * database transaction. A provider that cannot be reached throws ProviderCallError.
 */
export interface PaymentProvider {
  readonly name: string;
  authorize(input: { paymentId: string; orderId: string; amount: Money; token: string }): Promise<ProviderOutcome>;
  capture(input: { paymentId: string; providerRef: string; amount: Money }): Promise<ProviderOutcome>;
  void(input: { paymentId: string; providerRef: string | null }): Promise<ProviderOutcome>;
  refund(input: { refundId: string; paymentId: string; providerRef: string; amount: Money }): Promise<RefundOutcome>;
  /** Completes a customer challenge (3-D Secure) and reports where the payment stands. */
  confirm(input: { paymentId: string; providerRef: string }): Promise<ProviderOutcome>;
  /** Verifies the signature over the raw body (throws InvalidSignature) and parses the event. */
  parseWebhook(rawBody: string, headers: Headers, now: Date): WebhookEvent;
}

/** The provider could not be reached or answered unexpectedly; the payment stays as it was. */
export class ProviderCallError extends Error {
  override name = 'ProviderCallError';
}

export const headerValue = (headers: Headers, name: string): string | undefined => {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};
