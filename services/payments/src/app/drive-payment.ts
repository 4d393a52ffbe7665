import { ProviderUnreachable } from '../domain/payment.errors.ts';
import type { Payment, ProviderOutcome } from '../domain/payment.ts';
import { ProviderCallError } from '../providers/provider.ts';
import { recordOutcome } from './apply-effects.ts';
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

/** Records a provider answer in its own transaction. */
export const saveOutcome = (ctx: PaymentsContext, paymentId: string, outcome: ProviderOutcome) =>
  ctx.deps.uow((uow) => recordOutcome(ctx, uow, paymentId, outcome));

/**
 * Takes a payment as far as it can go without the customer: authorize a pending one, then
 * capture an authorized one. Each provider call is idempotent by our id and each result is
 * persisted before the next call, so a crash anywhere is recovered by calling this again.
 */
export async function drivePayment(ctx: PaymentsContext, payment: Payment & { token: string }): Promise<Payment> {
  const provider = ctx.providers.forPayment(payment.provider);
  let current: Payment = payment;
  if (current.status === 'pending') {
    const outcome = await askProvider(ctx, provider.name, () =>
      provider.authorize({ paymentId: payment.id, orderId: payment.orderId, amount: payment.amount, token: payment.token }),
    );
    current = await saveOutcome(ctx, payment.id, outcome);
  }
  if (current.status === 'authorized' && current.providerRef) {
    const providerRef = current.providerRef;
    const outcome = await askProvider(ctx, provider.name, () =>
      provider.capture({ paymentId: payment.id, providerRef, amount: payment.amount }),
    );
    current = await saveOutcome(ctx, payment.id, outcome);
  }
  return current;
}
