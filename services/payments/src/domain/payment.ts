import type { PaymentView } from '@bazar/contracts/clients/payments';
import type { Money } from '@bazar/kit/money';
import { type PaymentStatus, pathTo, paymentMachine } from './payment-status.ts';

/** A payment as payments keeps it; `refunded` is in the payment's currency. */
export interface Payment {
  id: string;
  orderId: string;
  customerId: string;
  provider: string;
  status: PaymentStatus;
  amount: Money;
  refunded: number;
  discount: Money | null;
  loyalty: Money | null;
  providerRef: string | null;
  failureReason: string | null;
  nextAction: { type: string; url: string } | null;
  /** `manual`: authorized and left so until the caller captures (the actual amount, at most the authorized). */
  captureMethod?: 'automatic' | 'manual';
  createdAt: Date;
  updatedAt: Date;
}

/** What a provider (answer or webhook) says happened to a payment. */
export interface ProviderOutcome {
  /** `pending`: the provider is still working on it (a webhook will tell). */
  status: 'pending' | 'requires_action' | 'authorized' | 'captured' | 'failed' | 'voided';
  providerRef?: string | null;
  reason?: string | null;
  nextAction?: { type: string; url: string } | null;
}

/** Side effects of a move, applied by the use case in the same transaction. */
export type PaymentEffect =
  | { type: 'open_entry' }
  | { type: 'post_entry' }
  | { type: 'void_entry' }
  | { type: 'captured' }
  | { type: 'failed'; reason: string }
  | { type: 'voided' }
  | { type: 'refunded'; refundId: string; amount: Money; full: boolean };

/**
 * Moves a payment forward to what the provider reports, through any states it skipped. Anything
 * behind or beside the current state (a replayed or out-of-order message) changes nothing.
 */
export function applyOutcome(payment: Payment, outcome: ProviderOutcome, at: Date): { payment: Payment; effects: PaymentEffect[] } {
  const withRef = outcome.providerRef && !payment.providerRef ? { ...payment, providerRef: outcome.providerRef } : payment;
  const path = pathTo(payment.status, outcome.status);
  if (!path) return { payment: withRef, effects: [] };
  let current = withRef;
  const effects: PaymentEffect[] = [];
  for (const to of path) {
    const from = current.status;
    paymentMachine.assert(from, to);
    current = { ...current, status: to, updatedAt: at };
    if (to === 'requires_action') current.nextAction = outcome.nextAction ?? null;
    if (to === 'authorized') effects.push({ type: 'open_entry' });
    if (to === 'captured') effects.push({ type: 'post_entry' }, { type: 'captured' });
    if (to === 'voided') effects.push({ type: 'void_entry' }, { type: 'voided' });
    if (to === 'failed') {
      const reason = outcome.reason ?? 'provider_failed';
      current.failureReason = reason;
      if (from === 'authorized') effects.push({ type: 'void_entry' });
      effects.push({ type: 'failed', reason });
    }
    if (to !== 'requires_action') current.nextAction = null;
  }
  return { payment: current, effects };
}

/** Only captured money can be given back, once or in parts: the lifecycle says where `refunded` may follow. */
export const isRefundable = (payment: Pick<Payment, 'status'>) => paymentMachine.can(payment.status, 'refunded');

/** Money captured and not yet refunded (or reserved by a refund in flight). */
export const refundableLeft = (payment: Payment, reserved: number) => payment.amount.amount - payment.refunded - reserved;

/** Records a completed refund: partially_refunded until nothing is left, then refunded. */
export function applyRefund(payment: Payment, refundId: string, amount: Money, at: Date): { payment: Payment; effects: PaymentEffect[] } {
  const refunded = payment.refunded + amount.amount;
  const to: PaymentStatus = refunded >= payment.amount.amount ? 'refunded' : 'partially_refunded';
  paymentMachine.assert(payment.status, to);
  return {
    payment: { ...payment, status: to, refunded, updatedAt: at },
    effects: [{ type: 'refunded', refundId, amount, full: to === 'refunded' }],
  };
}

/** The contract's PaymentView plus what clients find useful. */
export function toPaymentView(payment: Payment): PaymentView & {
  customerId: string;
  refunded: Money;
  createdAt: string;
  updatedAt: string;
} {
  return {
    id: payment.id,
    orderId: payment.orderId,
    customerId: payment.customerId,
    status: payment.status,
    amount: payment.amount,
    provider: payment.provider,
    refunded: { amount: payment.refunded, currency: payment.amount.currency },
    failureReason: payment.failureReason,
    nextAction: payment.nextAction,
    createdAt: payment.createdAt.toISOString(),
    updatedAt: payment.updatedAt.toISOString(),
  };
}
