import type { Tx } from '@bazar/kit/db/database';
import type { TxContext } from '@bazar/kit/events/outbox';
import type { Money } from '@bazar/kit/money';
import { and, eq, sql } from 'drizzle-orm';
import { v5 } from 'uuid';
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
import { applyRefund, isRefundable, type Payment, refundableLeft } from '../domain/payment.ts';
import { ProviderCallError, type RefundOutcome, type RefundReport } from '../providers/provider.ts';
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
    if (!isRefundable(payment)) throw NotRefundable(payment.status);
    if (input.amount && input.amount.currency !== payment.amount.currency) throw CurrencyMismatch(payment.amount.currency);
    const left = refundableLeft(payment, await pendingRefunds(tx, payment.id));
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
    const refund = await lockRefund(uow.tx, refundId);
    if (!payment || !refund) throw PaymentNotFound(paymentId);
    return settleRefund(ctx, uow, payment, refund, outcome);
  });
  if (result.failed) throw RefundFailed(outcome.reason ?? 'refused');
  return result.payment;
}

type RefundRow = typeof refunds.$inferSelect;

const lockRefund = async (tx: Tx, refundId: string): Promise<RefundRow | undefined> =>
  (await tx.select().from(refunds).where(eq(refunds.id, refundId)).for('update'))[0];

/** Moves a pending refund to where the provider says it is, in the caller's transaction (payment and refund locked). */
async function settleRefund(
  ctx: PaymentsContext,
  uow: TxContext,
  payment: Payment,
  refund: RefundRow,
  outcome: RefundOutcome,
): Promise<{ payment: Payment; failed: boolean }> {
  if (refund.status !== 'pending' || outcome.status === 'pending') return { payment, failed: refund.status === 'failed' };
  const now = ctx.deps.clock.now();
  const done = { providerRef: outcome.providerRef ?? refund.providerRef ?? null, completedAt: now };
  if (outcome.status === 'failed') {
    await uow.tx
      .update(refunds)
      .set({ ...done, status: 'failed', failureReason: outcome.reason ?? 'refused' })
      .where(eq(refunds.id, refund.id));
    return { payment, failed: true };
  }
  await uow.tx
    .update(refunds)
    .set({ ...done, status: 'succeeded' })
    .where(eq(refunds.id, refund.id));
  const moved = applyRefund(payment, refund.id, { amount: refund.amount, currency: refund.currency }, now);
  await savePayment(uow.tx, moved.payment);
  await applyEffects(ctx, uow, moved.payment, moved.effects);
  return { payment: moved.payment, failed: false };
}

// Refunds made at the provider (its dashboard) get an id derived from the provider's, so a
// repeated or reordered report finds the same row.
const PROVIDER_REFUNDS = '6f1d2c4e-8b3a-5d7f-9e21-4a6c8b0d2f13';

/**
 * A refund the provider reports by webhook, in the webhook's transaction. One we asked for (our id
 * echoed back) is completed as the provider's direct answer would be; one made elsewhere is recorded
 * under a derived id with the same ledger entry and `payment.refunded`, pending until the provider
 * says it succeeded. A reported amount beyond what is left to refund, or in another currency, is
 * not recorded: the money no longer adds up, which an operator must look at (logged as an error).
 */
export async function recordReportedRefund(
  ctx: PaymentsContext,
  uow: TxContext,
  paymentId: string,
  report: RefundReport,
): Promise<Payment> {
  const payment = await lockPayment(uow.tx, paymentId);
  if (!payment) throw PaymentNotFound(paymentId);
  const refundId = report.refundId ?? v5(`${payment.provider}:${report.providerRef}`, PROVIDER_REFUNDS);
  let refund = await lockRefund(uow.tx, refundId);
  if (!refund) {
    if (report.status === 'failed') return payment;
    const left = refundableLeft(payment, await pendingRefunds(uow.tx, payment.id));
    const fits = report.amount.currency === payment.amount.currency && report.amount.amount <= left;
    if (!fits || !isRefundable(payment)) {
      ctx.deps.log.error(
        { paymentId, report, left, status: payment.status },
        'provider reports a refund that does not fit the payment; not recorded',
      );
      return payment;
    }
    [refund] = await uow.tx
      .insert(refunds)
      .values({
        id: refundId,
        paymentId: payment.id,
        amount: report.amount.amount,
        currency: report.amount.currency,
        reason: report.reason ?? 'refunded at the provider',
        status: 'pending',
        providerRef: report.providerRef,
        createdAt: ctx.deps.clock.now(),
      })
      .returning();
    if (!refund) throw new Error(`payments: refund ${refundId} was not stored`);
  }
  const settled = await settleRefund(ctx, uow, payment, refund, {
    status: report.status,
    providerRef: report.providerRef,
    reason: report.reason,
  });
  return settled.payment;
}

async function pendingRefunds(tx: Tx, paymentId: string): Promise<number> {
  const [inFlight] = await tx
    .select({ total: sql<string>`coalesce(sum(${refunds.amount}), 0)` })
    .from(refunds)
    .where(and(eq(refunds.paymentId, paymentId), eq(refunds.status, 'pending')));
  return Number(inFlight?.total ?? 0);
}
