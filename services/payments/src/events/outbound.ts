import { PaymentCaptured, PaymentFailed, PaymentRefunded, PaymentVoided } from '@bazar/contracts/events/payments';
import type { OutgoingEvent } from '@bazar/kit/events/event';
import type { Payment, PaymentEffect } from '../domain/payment.ts';

/**
 * The integration events of payments, mapped in one place: the event a move's effect raises, or
 * null for an effect that only touches the ledger.
 */
export function paymentEvent(payment: Payment, effect: PaymentEffect): OutgoingEvent | null {
  const at = payment.updatedAt.toISOString();
  const ref = { paymentId: payment.id, orderId: payment.orderId, provider: payment.provider };
  switch (effect.type) {
    case 'captured':
      return PaymentCaptured.make({ ...ref, amount: payment.amount, capturedAt: at });
    case 'failed':
      return PaymentFailed.make({ ...ref, reason: effect.reason, failedAt: at });
    case 'voided':
      return PaymentVoided.make({ ...ref, voidedAt: at });
    case 'refunded':
      return PaymentRefunded.make({
        ...ref,
        refundId: effect.refundId,
        amount: effect.amount,
        refundedTotal: { amount: payment.refunded, currency: payment.amount.currency },
        full: effect.full,
        refundedAt: at,
      });
    default:
      return null;
  }
}
