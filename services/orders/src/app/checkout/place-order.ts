import { findOrder } from '../../db/order-repo.ts';
import { OrderNotFound } from '../../domain/order.errors.ts';
import type { Order, StatusChange } from '../../domain/order.ts';
import { cancelUnpaidInTx } from '../cancel-unpaid-order.ts';
import type { OrdersContext } from '../context.ts';
import { EXPIRE_QUEUE } from '../expire-order.ts';
import { historyRows, orderView, toOrderView } from '../get-order.ts';
import { markPaidInTx, markPlacedOrderPaid, recordPayment } from '../mark-order-paid.ts';
import { releaseOrderResources } from '../release-order-resources.ts';
import { runCheckoutSaga } from './checkout.saga.ts';
import { type CheckoutAnswer, type CheckoutRequest, type CheckoutState, saveCheckout } from './checkout-state.ts';
import { type CheckoutIdempotency, startCheckout } from './start-checkout.ts';

/**
 * POST /checkout: runs the saga, then settles what the payment answered — captured → `paid` now
 * (the `payment.captured` event finds it done), declined → cancelled with everything given back and
 * the cart open again, so the customer can retry with another card; 3-D Secure → stays
 * `awaiting_payment`. The answer is stored with the checkout: a repeat of its Idempotency-Key gets it.
 */
export async function placeOrder(
  ctx: OrdersContext,
  input: { customerId: string; request: CheckoutRequest; idempotency?: CheckoutIdempotency },
): Promise<{ answer: CheckoutAnswer; replayed: boolean }> {
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
  const at = () => ctx.deps.clock.now();
  const answerOf = (order: Order, history: StatusChange[]): CheckoutAnswer => ({
    order: toOrderView(order, historyRows(history)),
    payment,
  });
  let order: Order | undefined;
  if (!payment || payment.status === 'captured') {
    // Paid now, the checkout settled and its answer stored in the same statement.
    const paid = state.placed
      ? await markPlacedOrderPaid(ctx, state.placed, payment?.id ?? null, async (txc, { order, history }) => {
          const answer = answerOf(order, history);
          await saveCheckout(txc.tx, state, { step: 'settled', status: 'completed', answer, at: at() });
          return answer;
        })
      : undefined;
    if (paid) {
      ctx.settledHere.add(orderId);
      return { answer: paid.alongside, replayed: false };
    }
    order = await ctx.deps.uow(async (txc) => {
      const moved = await markPaidInTx(ctx, txc, { orderId, paymentId: payment?.id ?? null });
      await saveCheckout(txc.tx, state, { step: 'settled', status: 'completed', at: at() });
      return moved;
    });
    if (order?.status === 'paid') ctx.settledHere.add(orderId);
  } else if (payment.status === 'failed') {
    const note = `payment declined${payment.failureReason ? `: ${payment.failureReason}` : ''}`;
    const ref = { id: payment.id, status: payment.status };
    await ctx.deps.uow(async (txc) => {
      await cancelUnpaidInTx(ctx, txc, { orderId, payment: ref, note, releaseDelaySeconds: 30 });
      await saveCheckout(txc.tx, state, { step: 'settled', status: 'declined', at: at() });
    });
    // The payment.failed event may have cancelled it first; either way its holdings go back now.
    order = await findOrder(ctx.deps.db, orderId);
    if (order?.status === 'cancelled') {
      await releaseOrderResources(ctx, order).catch((error) => ctx.deps.log.warn({ err: error }, 'release after decline failed'));
    }
    await ctx.cart
      .reopen(input.request.cartId, orderId)
      .catch((error) => ctx.deps.log.warn({ err: error, cartId: input.request.cartId }, 'reopening the cart failed'));
  } else {
    // The customer has ORDER_PAYMENT_TTL to finish paying; the expiry job ends the wait.
    await ctx.deps.uow(async ({ tx }) => {
      await recordPayment(tx, orderId, { id: payment.id, status: payment.status });
      await ctx.deps.jobs.send(EXPIRE_QUEUE, { orderId }, { tx, startAfterSeconds: ctx.config.paymentTtlSeconds });
      await saveCheckout(tx, state, { step: 'settled', status: 'completed', at: at() });
    });
  }
  order ??= await findOrder(ctx.deps.db, orderId);
  if (!order) throw OrderNotFound(orderId);
  // Off the common path: the answer read back and stored on its own (a repeat arriving in between rebuilds it).
  const answer = { order: await orderView(ctx.deps.db, order), payment };
  await saveCheckout(ctx.deps.db, state, { step: 'settled', answer, at: at() });
  return { answer, replayed: false };
}
