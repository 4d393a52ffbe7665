import type { Money } from '@bazar/kit/money';
import { eq } from 'drizzle-orm';
import { toPayment } from '../db/payment-repo.ts';
import { payments } from '../db/schema.ts';
import { CurrencyMismatch, PaymentIdReused } from '../domain/payment.errors.ts';
import type { Payment } from '../domain/payment.ts';
import type { PaymentsContext } from './context.ts';
import { drivePayment } from './drive-payment.ts';

export interface CreatePaymentInput {
  paymentId: string;
  orderId: string;
  customerId: string;
  amount: Money;
  provider: string;
  token: string;
  /** Parts of the order's list price settled without the card (they shape the ledger entry). */
  discount?: Money | null;
  loyalty?: Money | null;
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
  const stored = await ctx.deps.uow(async ({ tx }) => {
    const [inserted] = await tx
      .insert(payments)
      .values({
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
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (inserted) return { ...toPayment(inserted), token: inserted.token };
    const [existing] = await tx.select().from(payments).where(eq(payments.id, input.paymentId));
    if (!existing) throw PaymentIdReused(input.paymentId);
    const same =
      existing.orderId === input.orderId &&
      existing.customerId === input.customerId &&
      existing.provider === input.provider &&
      existing.amount === input.amount.amount &&
      existing.currency === input.amount.currency;
    if (!same) throw PaymentIdReused(input.paymentId);
    return { ...toPayment(existing), token: existing.token };
  });
  if (stored.status !== 'pending' && stored.status !== 'authorized') return stored;
  return drivePayment(ctx, stored);
}
