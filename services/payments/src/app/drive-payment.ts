import { StaleWrite } from '@bazar/kit/errors';
import { ProviderUnreachable } from '../domain/payment.errors.ts';
import { applyOutcome, type Payment, type ProviderOutcome } from '../domain/payment.ts';
import { ProviderCallError } from '../providers/provider.ts';
import { recordOutcome, recordOutcomeIfUnchanged } from './apply-effects.ts';
import type { PaymentsContext } from './context.ts';

/** Asks the provider (outside any transaction); an unreachable provider is a 503 that leaves the payment as it was. */
export async function askProvider(ctx: PaymentsContext, provider: string, call: () => Promise<ProviderOutcome>): Promise<ProviderOutcome> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ProviderCallError) {
      ctx.deps.log.warn({ err: error, provider }, 'payment provider call failed');
      throw ProviderUnreachable(provider);
    }
    throw error;
  }
}

/**
 * Records provider answers, in order, in one transaction. Given the payment as the caller read it,
 * it first tries a compare-and-set on that (one statement, no lock), and locks the row only when
 * something else moved the payment meanwhile (a webhook, a second driver).
 */
export async function saveOutcome(ctx: PaymentsContext, payment: string | Payment, ...outcomes: ProviderOutcome[]): Promise<Payment> {
  if (typeof payment !== 'string') {
    try {
      return await ctx.deps.uow((uow) => recordOutcomeIfUnchanged(ctx, uow, payment, ...outcomes));
    } catch (error) {
      if (!(error instanceof StaleWrite)) throw error;
    }
  }
  const paymentId = typeof payment === 'string' ? payment : payment.id;
  return ctx.deps.uow((uow) => recordOutcome(ctx, uow, paymentId, ...outcomes));
}

/**
 * Takes a payment as far as it can go without the customer: authorize a pending one, then
 * capture an authorized one. Every provider call is idempotent by our id, so a crash anywhere is
 * recovered by calling this again: the payment row exists (pending) before the first call, and
 * an authorization is saved before the capture is tried, or together with its capture when the
 * capture answered at once (one transaction instead of two).
 */
export async function drivePayment(ctx: PaymentsContext, payment: Payment & { token: string }): Promise<Payment> {
  const provider = ctx.providers.forPayment(payment.provider);
  const capture = (providerRef: string) =>
    askProvider(ctx, provider.name, () => provider.capture({ paymentId: payment.id, providerRef, amount: payment.amount }));
  let current: Payment = payment;
  if (current.status === 'pending') {
    const authorization = await askProvider(ctx, provider.name, () =>
      provider.authorize({ paymentId: payment.id, orderId: payment.orderId, amount: payment.amount, token: payment.token }),
    );
    const authorized = applyOutcome(current, authorization, ctx.deps.clock.now()).payment;
    if (authorized.status !== 'authorized' || !authorized.providerRef || payment.captureMethod === 'manual') {
      return saveOutcome(ctx, current, authorization);
    }
    const captured = await capture(authorized.providerRef).catch(async (error: unknown) => {
      await saveOutcome(ctx, current, authorization);
      throw error;
    });
    return saveOutcome(ctx, current, authorization, captured);
  }
  if (current.status === 'authorized' && current.providerRef && payment.captureMethod !== 'manual') {
    current = await saveOutcome(ctx, current, await capture(current.providerRef));
  }
  return current;
}
