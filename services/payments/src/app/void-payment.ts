import { findPayment } from '../db/payment-repo.ts';
import { PaymentNotFound } from '../domain/payment.errors.ts';
import type { Payment } from '../domain/payment.ts';
import type { PaymentsContext } from './context.ts';
import { askProvider, saveOutcome } from './drive-payment.ts';
import { refundPayment } from './refund-payment.ts';

/**
 * Releases a payment (order cancelled or checkout undone). An authorization is voided; a payment
 * not yet authorized fails as `cancelled`; a captured one is refunded in full instead, under
 * refundId = paymentId so repeats refund once; a finished one is returned as it is.
 */
export async function voidPayment(ctx: PaymentsContext, paymentId: string): Promise<Payment> {
  const payment = await findPayment(ctx.deps.db, paymentId);
  if (!payment) throw PaymentNotFound(paymentId);
  switch (payment.status) {
    case 'failed':
    case 'voided':
    case 'refunded':
      return payment;
    case 'captured':
    case 'partially_refunded':
      return refundPayment(ctx, { paymentId, refundId: paymentId, reason: 'void' });
    case 'authorized': {
      const provider = ctx.providers.forPayment(payment.provider);
      const outcome = await askProvider(ctx, provider.name, () => provider.void({ paymentId, providerRef: payment.providerRef }));
      const after = await saveOutcome(ctx, paymentId, outcome);
      // The provider may have captured it meanwhile: then the money goes back instead.
      return after.status === 'captured' ? refundPayment(ctx, { paymentId, refundId: paymentId, reason: 'void' }) : after;
    }
    case 'pending':
    case 'requires_action': {
      const provider = ctx.providers.forPayment(payment.provider);
      await askProvider(ctx, provider.name, () => provider.void({ paymentId, providerRef: payment.providerRef }));
      return saveOutcome(ctx, paymentId, { status: 'failed', reason: 'cancelled' });
    }
  }
}
