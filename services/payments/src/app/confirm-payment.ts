import type { AuthUser } from '@bazar/kit/http/auth';
import { findPayment } from '../db/payment-repo.ts';
import { NotAwaitingAction } from '../domain/payment.errors.ts';
import type { Payment } from '../domain/payment.ts';
import type { PaymentsContext } from './context.ts';
import { askProvider, drivePayment, saveOutcome } from './drive-payment.ts';
import { loadVisiblePayment } from './get-payment.ts';

/** The owner completes a `requires_action` payment (3-D Secure); it is then captured. Anything else is 409. */
export async function confirmPayment(ctx: PaymentsContext, input: { paymentId: string; actor: AuthUser }): Promise<Payment> {
  const seen = await loadVisiblePayment(ctx, input.paymentId, input.actor, { ownerOnly: true });
  if (seen.status !== 'requires_action' || !seen.providerRef) throw NotAwaitingAction(seen.status);
  const provider = ctx.providers.forPayment(seen.provider);
  const providerRef = seen.providerRef;
  const outcome = await askProvider(ctx, provider.name, () => provider.confirm({ paymentId: seen.id, providerRef }));
  await saveOutcome(ctx, seen.id, outcome);
  const after = await findPayment(ctx.deps.db, seen.id);
  return after ? drivePayment(ctx, after) : seen;
}
