import type { CreatePaymentRequest } from '@bazar/contracts/clients/payments';
import { findPayment, insertPaymentIfNew, toPayment } from '../db/payment-repo.ts';
import { CurrencyMismatch, PaymentIdReused } from '../domain/payment.errors.ts';
import type { Payment } from '../domain/payment.ts';
import type { PaymentsContext } from './context.ts';
import { drivePayment } from './drive-payment.ts';

export type CreatePaymentInput = CreatePaymentRequest;

/** The payment an earlier call created under this id; it must be for the same order, customer and amount. */
async function existingPayment(ctx: PaymentsContext, input: CreatePaymentInput) {
  const existing = await findPayment(ctx.deps.db, input.paymentId);
  const same =
    existing &&
    existing.orderId === input.orderId &&
    existing.customerId === input.customerId &&
    existing.provider === input.provider &&
    existing.amount.amount === input.amount.amount &&
    existing.amount.currency === input.amount.currency;
  if (!existing || !same) throw PaymentIdReused(input.paymentId);
  return existing;
}

/**
 * Creates a payment and takes it as far as the provider allows. Idempotent by paymentId: a
 * repeat returns the payment as it stands, re-driving it if a previous attempt stopped half-way.
 */
export async function createPayment(ctx: PaymentsContext, input: CreatePaymentInput): Promise<Payment> {
  ctx.providers.forPayment(input.provider);
  for (const part of [input.discount, input.loyalty]) {
    if (part && part.currency !== input.amount.currency) throw CurrencyMismatch(input.amount.currency);
  }
  const now = ctx.deps.clock.now();
  // One statement, so no transaction: the row is either ours now or was written by an earlier call.
  const [inserted] = await insertPaymentIfNew(ctx.deps.db, {
    id: input.paymentId,
    orderId: input.orderId,
    customerId: input.customerId,
    provider: input.provider,
    token: input.token,
    status: 'pending',
    amount: input.amount.amount,
    currency: input.amount.currency,
    discount: input.discount?.amount ?? null,
    loyalty: input.loyalty?.amount ?? null,
    captureMethod: input.capture ?? 'automatic',
    createdAt: now,
    updatedAt: now,
  });
  const stored = inserted ? { ...toPayment(inserted), token: inserted.token } : await existingPayment(ctx, input);
  if (stored.status !== 'pending' && stored.status !== 'authorized') return stored;
  return drivePayment(ctx, stored);
}
