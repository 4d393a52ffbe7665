import { isTestCardToken, TEST_CARD_TOKENS } from '@bazar/contracts/clients/payments';
import type { TxContext } from '@bazar/kit/events/outbox';
import { UnknownTestCardToken } from '../../domain/order.errors.ts';
import type { Order, StatusChange } from '../../domain/order.ts';
import type { OrdersContext } from '../context.ts';
import { EXPIRE_QUEUE } from '../expire-order.ts';
import { historyRows, toOrderView } from '../get-order.ts';
import { paidBy } from '../mark-order-paid.ts';
import { releaseOrderResources, reopenCartOf, scheduleRelease } from '../release-order-resources.ts';
import { runCheckoutSaga } from './checkout.saga.ts';
import { type CheckoutAnswer, type CheckoutRequest, type CheckoutState, saveCheckout } from './checkout-state.ts';
import { type CheckoutIdempotency, startCheckout } from './start-checkout.ts';
import { type PaymentOutcome, writePlacedOrder } from './steps/create-order.ts';

/**
 * POST /checkout: runs the saga, then writes the order with what the payment answered — captured →
 * `paid` (the `payment.captured` event finds it done), declined → `cancelled` with everything given
 * back and the cart open again, so the customer can retry with another card; 3-D Secure →
 * `awaiting_payment`. The answer is stored with the checkout: a repeat of its Idempotency-Key gets it.
 */
export async function placeOrder(
  ctx: OrdersContext,
  input: { customerId: string; request: CheckoutRequest; idempotency?: CheckoutIdempotency },
): Promise<{ answer: CheckoutAnswer; replayed: boolean }> {
  const { provider, token } = input.request.payment;
  // Refused before anything is reserved: an unknown test token is a typo, not a declined card.
  if (provider === 'test' && !isTestCardToken(token)) throw UnknownTestCardToken(token, Object.keys(TEST_CARD_TOKENS));
  const orderId = ctx.deps.ids.next();
  const initial = { checkoutId: ctx.deps.ids.next(), orderId, customerId: input.customerId, request: input.request };
  const start = await startCheckout(ctx, initial, input.idempotency);
  if ('replay' in start) return { answer: start.replay, replayed: true };
  return ctx.settledHere.settling(orderId, () => settleCheckout(ctx, input, start.state));
}

/** The saga, then what its payment answered. */
async function settleCheckout(
  ctx: OrdersContext,
  input: { request: CheckoutRequest },
  started: CheckoutState,
): Promise<{ answer: CheckoutAnswer; replayed: boolean }> {
  const { orderId } = started;
  const state = await runCheckoutSaga(ctx, started);
  const payment = state.payment ?? null;
  const answerOf = (order: Order, history: StatusChange[]): CheckoutAnswer => ({
    order: toOrderView(order, historyRows(history)),
    payment,
  });
  // The order written with the payment's outcome, the checkout settled and its answer stored, in one unit.
  const settle = (outcome: PaymentOutcome, status: 'completed' | 'declined', alongside?: (txc: TxContext) => Promise<unknown>) =>
    ctx.deps.uow(async (txc) => {
      const written = await writePlacedOrder(ctx, txc, state, outcome);
      await alongside?.(txc);
      const answer = answerOf(written.order, written.history);
      await saveCheckout(txc.tx, state, { step: 'settled', status, answer, at: ctx.deps.clock.now() });
      return { order: written.order, answer };
    });
  if (!payment || payment.status === 'captured') {
    // Paid now: one statement.
    const { answer } = await settle({ ...paidBy(payment?.id ?? null), to: 'paid' }, 'completed');
    ctx.settledHere.add(orderId);
    return { answer, replayed: false };
  }
  if (payment.status === 'failed') {
    const note = `payment declined${payment.failureReason ? `: ${payment.failureReason}` : ''}`;
    const ref = { id: payment.id, status: payment.status };
    const { cartId } = input.request;
    const { order, answer } = await settle({ payment: ref, to: 'cancelled', note }, 'declined', (txc) =>
      scheduleRelease(ctx, txc.tx, orderId, 30, { reopenCartId: cartId }),
    );
    // Given back and reopened now; the release job does both again should a call fail or this process stop first.
    await releaseOrderResources(ctx, order).catch((error) =>
      ctx.deps.log.warn({ err: error }, 'release after decline failed; the job retries'),
    );
    await reopenCartOf(ctx, cartId, orderId).catch((error) =>
      ctx.deps.log.warn({ err: error, cartId }, 'reopening the cart failed; the release job retries'),
    );
    return { answer, replayed: false };
  }
  // 3-D Secure: the customer has ORDER_PAYMENT_TTL to finish paying; the expiry job ends the wait.
  const { answer } = await settle({ payment: { id: payment.id, status: payment.status }, note: '' }, 'completed', (txc) =>
    ctx.deps.jobs.send(EXPIRE_QUEUE, { orderId }, { tx: txc.tx, startAfterSeconds: ctx.config.paymentTtlSeconds }),
  );
  return { answer, replayed: false };
}
