import type { TxContext } from '@bazar/kit/events/outbox';
import { insertEntry, settlePendingEntries } from '../db/ledger-repo.ts';
import { lockPayment, savePayment, savePaymentIfUnchanged } from '../db/payment-repo.ts';
import { paymentEntry, refundEntry } from '../domain/ledger.ts';
import { PaymentNotFound } from '../domain/payment.errors.ts';
import { applyOutcome, type Payment, type PaymentEffect, type ProviderOutcome } from '../domain/payment.ts';
import { paymentEvent } from '../events/outbound.ts';
import type { PaymentsContext } from './context.ts';

/**
 * Applies a move's effects in the caller's transaction: ledger entries (open, post, void,
 * refund) and the integration events, so the ledger, the payment and the outbox agree.
 */
export async function applyEffects(ctx: PaymentsContext, { tx, publish }: TxContext, payment: Payment, effects: PaymentEffect[]) {
  const at = payment.updatedAt;
  const ref = { paymentId: payment.id, orderId: payment.orderId, provider: payment.provider };
  // Opened and settled in one go (authorized and captured, or authorized and then refused): the
  // entry is written in its final status — it is a deferred write, so no UPDATE could see it yet.
  const opened = effects.some((e) => e.type === 'open_entry');
  const settledAs = effects.some((e) => e.type === 'post_entry')
    ? ('posted' as const)
    : effects.some((e) => e.type === 'void_entry')
      ? ('voided' as const)
      : ('pending' as const);
  for (const effect of effects) {
    switch (effect.type) {
      case 'open_entry': {
        const entry = paymentEntry({
          ...ref,
          id: ctx.deps.ids.next(),
          amount: payment.amount,
          discount: payment.discount,
          loyalty: payment.loyalty,
          createdAt: at,
        });
        await insertEntry(tx, { ...entry, status: settledAs }, ctx.deps.ids.next);
        break;
      }
      case 'post_entry':
        if (!opened) await settlePendingEntries(tx, payment.id, 'payment', 'posted', at);
        break;
      case 'void_entry':
        if (!opened) await settlePendingEntries(tx, payment.id, 'payment', 'voided', at);
        break;
      case 'refunded':
        await insertEntry(tx, refundEntry({ ...ref, id: ctx.deps.ids.next(), amount: effect.amount, createdAt: at }), ctx.deps.ids.next);
        break;
    }
    const event = paymentEvent(payment, effect);
    if (event) await publish(event);
  }
}

/**
 * Locks the payment, moves it forward through what the provider reported, in order (or not at
 * all), and records the effects.
 */
export async function recordOutcome(
  ctx: PaymentsContext,
  uow: TxContext,
  paymentId: string,
  ...outcomes: ProviderOutcome[]
): Promise<Payment> {
  const current = await lockPayment(uow.tx, paymentId);
  if (!current) throw PaymentNotFound(paymentId);
  return applyOutcomes(ctx, uow, current, outcomes, (payment) => savePayment(uow.tx, payment));
}

/**
 * The same on a payment read without a lock (the one the caller has just created): everything goes
 * as one statement that stores nothing, and throws `StaleWrite`, if the row changed since.
 */
export async function recordOutcomeIfUnchanged(
  ctx: PaymentsContext,
  uow: TxContext,
  read: Payment,
  ...outcomes: ProviderOutcome[]
): Promise<Payment> {
  return applyOutcomes(ctx, uow, read, outcomes, (payment) => savePaymentIfUnchanged(uow.tx, payment, read));
}

async function applyOutcomes(
  ctx: PaymentsContext,
  uow: TxContext,
  current: Payment,
  outcomes: ProviderOutcome[],
  save: (payment: Payment) => Promise<void>,
): Promise<Payment> {
  const at = ctx.deps.clock.now();
  let payment = current;
  const effects: PaymentEffect[] = [];
  for (const outcome of outcomes) {
    const moved = applyOutcome(payment, outcome, at);
    payment = moved.payment;
    effects.push(...moved.effects);
  }
  if (payment !== current) await save(payment);
  await applyEffects(ctx, uow, payment, effects);
  return payment;
}
