import type { Tx } from '@bazar/kit/db/database';
import { and, eq } from 'drizzle-orm';
import { findPayment } from '../db/payment-repo.ts';
import { payments, webhookEvents } from '../db/schema.ts';
import type { Headers } from '../providers/provider.ts';
import { recordOutcome } from './apply-effects.ts';
import type { PaymentsContext } from './context.ts';
import { drivePayment } from './drive-payment.ts';
import { recordReportedRefund } from './refund-payment.ts';

export interface WebhookResult {
  received: true;
  /** The event id was seen before: nothing was done. */
  duplicate: boolean;
  paymentId: string | null;
  status: string | null;
}

/**
 * Verifies a provider webhook, records its event id and moves the payment forward, all in one
 * transaction, so a replay (same id) or a stale event (behind the payment's state) changes nothing.
 */
export async function handleWebhook(
  ctx: PaymentsContext,
  input: { provider: string; rawBody: string; headers: Headers },
): Promise<WebhookResult> {
  const provider = ctx.providers.forWebhook(input.provider);
  const event = provider.parseWebhook(input.rawBody, input.headers, ctx.deps.clock.now());
  const result = await ctx.deps.uow(async (uow) => {
    const paymentId = event.paymentId ?? (await findByRef(uow.tx, provider.name, event.providerRef));
    const [fresh] = await uow.tx
      .insert(webhookEvents)
      .values({ provider: provider.name, eventId: event.eventId, type: event.type, paymentId, receivedAt: ctx.deps.clock.now() })
      .onConflictDoNothing()
      .returning({ eventId: webhookEvents.eventId });
    if (!fresh) return { received: true as const, duplicate: true, paymentId, status: null };
    if (!paymentId || (!event.outcome && !event.refund)) return { received: true as const, duplicate: false, paymentId, status: null };
    const [known] = await uow.tx.select({ provider: payments.provider }).from(payments).where(eq(payments.id, paymentId));
    // An event about a payment we do not have (or of another provider) is acknowledged and ignored.
    if (known?.provider !== provider.name) return { received: true as const, duplicate: false, paymentId: null, status: null };
    const payment = event.refund
      ? await recordReportedRefund(ctx, uow, paymentId, event.refund)
      : await recordOutcome(ctx, uow, paymentId, event.outcome as NonNullable<typeof event.outcome>);
    return { received: true as const, duplicate: false, paymentId, status: payment.status as string };
  });
  if (result.status === 'authorized' && result.paymentId) {
    // Authorized out of band (a challenge completed at the provider): capture now, outside the transaction.
    const payment = await findPayment(ctx.deps.db, result.paymentId);
    if (payment) {
      const captured = await drivePayment(ctx, payment).catch((error: unknown) => {
        ctx.deps.log.warn({ err: error, paymentId: payment.id }, 'capture after webhook failed; the recovery job retries');
        return payment;
      });
      return { ...result, status: captured.status };
    }
  }
  return result;
}

async function findByRef(tx: Tx, provider: string, ref: string | null) {
  if (!ref) return null;
  const [row] = await tx
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.provider, provider), eq(payments.providerRef, ref)));
  return row?.id ?? null;
}
