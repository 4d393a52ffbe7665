import { and, eq, inArray, lt } from 'drizzle-orm';
import { findPayment } from '../db/payment-repo.ts';
import { payments, refunds } from '../db/schema.ts';
import type { PaymentsContext } from './context.ts';
import { drivePayment } from './drive-payment.ts';
import { completeRefund } from './refund-payment.ts';

/**
 * Re-drives payments left `pending` or `authorized` and refunds left `pending` (a crash or an
 * unreachable provider between persisting the intent and the result). Provider calls are
 * idempotent by our ids, so asking again is safe. Returns how many it touched.
 */
export async function recoverStuckPayments(ctx: PaymentsContext, limit = 50): Promise<number> {
  const before = new Date(ctx.deps.clock.now().getTime() - ctx.config.PAYMENTS_RECOVER_AFTER_SECONDS * 1000);
  const stuck = await ctx.deps.db
    .select({ id: payments.id })
    .from(payments)
    .where(and(inArray(payments.status, ['pending', 'authorized']), lt(payments.updatedAt, before)))
    .limit(limit);
  let touched = 0;
  for (const { id } of stuck) {
    const payment = await findPayment(ctx.deps.db, id);
    if (!payment) continue;
    await drivePayment(ctx, payment).then(
      () => touched++,
      (error: unknown) => ctx.deps.log.warn({ err: error, paymentId: id }, 'payment recovery failed; next run retries'),
    );
  }
  const pendingRefunds = await ctx.deps.db
    .select()
    .from(refunds)
    .where(and(eq(refunds.status, 'pending'), lt(refunds.createdAt, before)))
    .limit(limit);
  for (const refund of pendingRefunds) {
    const payment = await findPayment(ctx.deps.db, refund.paymentId);
    if (!payment?.providerRef) continue;
    const provider = ctx.providers.forPayment(payment.provider);
    const amount = { amount: refund.amount, currency: refund.currency };
    await provider
      .refund({ refundId: refund.id, paymentId: payment.id, providerRef: payment.providerRef, amount })
      .then((outcome) => completeRefund(ctx, payment.id, refund.id, outcome))
      .then(
        () => touched++,
        (error: unknown) => ctx.deps.log.warn({ err: error, refundId: refund.id }, 'refund recovery failed; next run retries'),
      );
  }
  return touched;
}
