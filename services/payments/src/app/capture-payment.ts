import type { Money } from '@bazar/kit/money';
import { insertEntry, settlePendingEntries } from '../db/ledger-repo.ts';
import { findPayment, lockPayment, lowerAuthorizedAmount } from '../db/payment-repo.ts';
import { paymentEntry } from '../domain/ledger.ts';
import { CaptureExceedsAuthorization, CurrencyMismatch, NotCapturable, PaymentNotFound } from '../domain/payment.errors.ts';
import type { Payment } from '../domain/payment.ts';
import { recordOutcome } from './apply-effects.ts';
import type { PaymentsContext } from './context.ts';
import { askProvider } from './drive-payment.ts';

const isCaptured = (status: Payment['status']) => status === 'captured' || status === 'partially_refunded' || status === 'refunded';

/**
 * Captures an authorization left for the caller (`capture: "manual"`): the actual amount, never more
 * than was authorized (422). Less than authorized: the authorization's pending entry is voided and an
 * entry for the amount taken is posted instead. A repeat answers the captured payment as it is.
 */
export async function capturePayment(ctx: PaymentsContext, paymentId: string, amount: Money): Promise<Payment> {
  const payment = await findPayment(ctx.deps.db, paymentId);
  if (!payment) throw PaymentNotFound(paymentId);
  if (isCaptured(payment.status)) return payment;
  if (payment.status !== 'authorized' || !payment.providerRef) throw NotCapturable(payment.status);
  if (amount.currency !== payment.amount.currency) throw CurrencyMismatch(payment.amount.currency);
  if (amount.amount > payment.amount.amount) throw CaptureExceedsAuthorization(payment.amount.amount, payment.amount.currency);
  const provider = ctx.providers.forPayment(payment.provider);
  const providerRef = payment.providerRef;
  const outcome = await askProvider(ctx, provider.name, () => provider.capture({ paymentId, providerRef, amount }));
  return ctx.deps.uow(async (uow) => {
    const current = await lockPayment(uow.tx, paymentId);
    if (!current) throw PaymentNotFound(paymentId);
    if (current.status === 'authorized' && outcome.status === 'captured' && amount.amount < current.amount.amount) {
      const at = ctx.deps.clock.now();
      await settlePendingEntries(uow.tx, paymentId, 'payment', 'voided', at);
      await lowerAuthorizedAmount(uow.tx, paymentId, amount.amount, at);
      const entry = paymentEntry({
        id: ctx.deps.ids.next(),
        orderId: current.orderId,
        paymentId,
        provider: current.provider,
        amount,
        discount: current.discount,
        loyalty: current.loyalty,
        createdAt: at,
      });
      // Written posted: entries are deferred writes, so the capture's settling UPDATE could not see a pending one.
      await insertEntry(uow.tx, { ...entry, status: 'posted' }, ctx.deps.ids.next);
    }
    return recordOutcome(ctx, uow, paymentId, outcome);
  });
}
