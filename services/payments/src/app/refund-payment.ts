import type { Money } from '@bazar/kit/money';
import { and, eq, sql } from 'drizzle-orm';
import { lockPayment, savePayment } from '../db/payment-repo.ts';
import { refunds } from '../db/schema.ts';
import {
  CurrencyMismatch,
  NotRefundable,
  PaymentNotFound,
  ProviderUnreachable,
  RefundExceedsCaptured,
  RefundFailed,
  RefundIdReused,
} from '../domain/payment.errors.ts';
import { applyRefund, type Payment, refundableLeft } from '../domain/payment.ts';
import { ProviderCallError, type RefundOutcome } from '../providers/provider.ts';
import { applyEffects } from './apply-effects.ts';
import type { PaymentsContext } from './context.ts';

export interface RefundInput {
  paymentId: string;
  refundId: string;
  amount?: Money;
  reason: string;
}

/**
 * Gives money back, in full or in part, idempotent by refundId. The amount is reserved under the
 * payment's row lock before the provider is asked, so concurrent refunds never exceed the capture.
 */
export async function refundPayment(ctx: PaymentsContext, input: RefundInput): Promise<Payment> {
  const reserved = await reserveRefund(ctx, input);
  if (reserved.done) return reserved.payment;
  const provider = ctx.providers.forPayment(reserved.payment.provider);
  let outcome: RefundOutcome;
  try {
    outcome = await provider.refund({
      refundId: input.refundId,
      paymentId: input.paymentId,
      providerRef: reserved.payment.providerRef ?? '',
      amount: reserved.amount,
    });
  } catch (error) {
    if (error instanceof ProviderCallError) throw ProviderUnreachable(provider.name);
    throw error;
  }
  return completeRefund(ctx, input.paymentId, input.refundId, outcome);
}

async function reserveRefund(ctx: PaymentsContext, input: RefundInput): Promise<{ payment: Payment; amount: Money; done: boolean }> {
  return ctx.deps.uow(async ({ tx }) => {
    const payment = await lockPayment(tx, input.paymentId);
    if (!payment) throw PaymentNotFound(input.paymentId);
    const [existing] = await tx.select().from(refunds).where(eq(refunds.id, input.refundId));
    if (existing) {
      const sameAmount = !input.amount || input.amount.amount === existing.amount;
      if (existing.paymentId !== payment.id || !sameAmount) throw RefundIdReused(input.refundId);
      if (existing.status === 'failed') throw RefundFailed(existing.failureReason ?? 'refused');
      return { payment, amount: { amount: existing.amount, currency: existing.currency }, done: existing.status === 'succeeded' };
    }
    if (payment.status !== 'captured' && payment.status !== 'partially_refunded') throw NotRefundable(payment.status);
    if (input.amount && input.amount.currency !== payment.amount.currency) throw CurrencyMismatch(payment.amount.currency);
    const [inFlight] = await tx
      .select({ total: sql<string>`coalesce(sum(${refunds.amount}), 0)` })
      .from(refunds)
      .where(and(eq(refunds.paymentId, payment.id), eq(refunds.status, 'pending')));
    const left = refundableLeft(payment, Number(inFlight?.total ?? 0));
    const amount = input.amount?.amount ?? left;
    if (amount > left || amount <= 0) throw RefundExceedsCaptured(left, payment.amount.currency);
    await tx.insert(refunds).values({
      id: input.refundId,
      paymentId: payment.id,
      amount,
      currency: payment.amount.currency,
      reason: input.reason,
      status: 'pending',
      createdAt: ctx.deps.clock.now(),
    });
    return { payment, amount: { amount, currency: payment.amount.currency }, done: false };
  });
}

/** Records the provider's answer: a success moves the payment and writes the refund entry; a refusal frees the reservation. */
export async function completeRefund(ctx: PaymentsContext, paymentId: string, refundId: string, outcome: RefundOutcome): Promise<Payment> {
  const result = await ctx.deps.uow(async (uow) => {
    const payment = await lockPayment(uow.tx, paymentId);
    const [refund] = await uow.tx.select().from(refunds).where(eq(refunds.id, refundId)).for('update');
    if (!payment || !refund) throw PaymentNotFound(paymentId);
    if (refund.status !== 'pending' || outcome.status === 'pending') return { payment, failed: refund.status === 'failed' };
    const now = ctx.deps.clock.now();
    const done = { providerRef: outcome.providerRef ?? null, completedAt: now };
    if (outcome.status === 'failed') {
      await uow.tx
        .update(refunds)
        .set({ ...done, status: 'failed', failureReason: outcome.reason ?? 'refused' })
        .where(eq(refunds.id, refundId));
      return { payment, failed: true };
    }
    await uow.tx
      .update(refunds)
      .set({ ...done, status: 'succeeded' })
      .where(eq(refunds.id, refundId));
    const moved = applyRefund(payment, refundId, { amount: refund.amount, currency: refund.currency }, now);
    await savePayment(uow.tx, moved.payment);
    await applyEffects(ctx, uow, moved.payment, moved.effects);
    return { payment: moved.payment, failed: false };
  });
  if (result.failed) throw RefundFailed(outcome.reason ?? 'refused');
  return result.payment;
}
