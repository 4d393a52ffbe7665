import type { TxContext } from '@bazar/kit/events/outbox';
import { addOrder, findOrder, insertHistory } from '../../db/order-repo.ts';
import type { Order, PaymentRef, StatusChange } from '../../domain/order.ts';
import { transition } from '../../domain/order.ts';
import { orderMachine } from '../../domain/order-status.ts';
import { toIntegration } from '../../events/outbound.ts';
import type { OrdersContext } from '../context.ts';
import { EXPIRE_QUEUE } from '../expire-order.ts';
import { historyRows, toOrderView } from '../get-order.ts';
import { paidBy } from '../mark-order-paid.ts';
import { moveOrder } from '../move-order.ts';
import { releaseOrderResources, reopenCartOf, scheduleRelease } from '../release-order-resources.ts';
import { type CheckoutAnswer, type CheckoutRequest, type CheckoutState, saveCheckout } from './checkout-state.ts';

/**
 * The settle, after the saga's steps: writes the order with what the payment answered, its
 * history and events, and the checkout's outcome and stored answer, in one unit of work (one
 * statement when paid at once) — captured → `paid`, declined → `cancelled` with everything given
 * back and the cart open again, 3-D Secure → `awaiting_payment` with its expiry job.
 *
 * Undo: `cancelWrittenOrder`, for an order a settle wrote (recovery runs it with every step's undo).
 */
export async function settleCheckout(
  ctx: OrdersContext,
  input: { request: CheckoutRequest },
  state: CheckoutState,
): Promise<{ answer: CheckoutAnswer; replayed: boolean }> {
  const { orderId } = state;
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

/** What the payment answered, as the order is written with it: its payment, and `paid` or `cancelled` when settled at once. */
export interface PaymentOutcome {
  payment: PaymentRef | null;
  to?: 'paid' | 'cancelled';
  note: string;
}

/**
 * Writes the order the checkout placed with the payment's outcome, its history and an event per
 * history entry, as deferred writes of the caller's unit of work. Answers the order and its
 * history as written.
 */
export async function writePlacedOrder(
  ctx: OrdersContext,
  { tx, publish }: TxContext,
  state: CheckoutState,
  outcome: PaymentOutcome,
): Promise<{ order: Order; history: StatusChange[] }> {
  if (!state.placed || state.orderSeq === undefined) throw new Error('writePlacedOrder needs the order price-order placed');
  const placedOrder = { ...state.placed.order, payment: outcome.payment };
  const moved = outcome.to
    ? transition(placedOrder, outcome.to, { at: ctx.deps.clock.now(), actorId: null, note: outcome.note })
    : undefined;
  const order = moved?.order ?? placedOrder;
  const history = moved ? [...state.placed.history, moved.change] : state.placed.history;
  await addOrder(tx, order, { numberSeq: state.orderSeq, checkoutId: state.checkoutId, updatedAt: history.at(-1)?.at ?? order.createdAt });
  for (const change of history) await insertHistory(tx, ctx.deps.ids.next(), change);
  // Each event carries the order as it was at its entry: the placed one, then the settled one.
  await publish(...history.map((change) => toIntegration(change.to === placedOrder.status ? placedOrder : order, change)));
  return { order, history };
}

/** The settle's undo: cancels the order a settle wrote, if there is one and it may still be cancelled. */
export async function cancelWrittenOrder(ctx: OrdersContext, orderId: string): Promise<void> {
  await ctx.deps.uow(async (txc) => {
    const order = await findOrder(txc.tx, orderId, true);
    if (!order || !orderMachine.can(order.status, 'cancelled')) return;
    await moveOrder(ctx, txc, order, 'cancelled', { actorId: null, note: 'checkout failed' });
  });
}
