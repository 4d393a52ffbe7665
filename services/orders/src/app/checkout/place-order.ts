import type { PaymentView } from '@bazar/contracts/clients/payments';
import type { TxContext } from '@bazar/kit/events/outbox';
import { findOrder } from '../../db/order-repo.ts';
import { OrderNotFound } from '../../domain/order.errors.ts';
import type { Order, StatusChange } from '../../domain/order.ts';
import { cancelUnpaidInTx } from '../cancel-unpaid-order.ts';
import type { OrdersContext } from '../context.ts';
import { EXPIRE_QUEUE } from '../expire-order.ts';
import { historyRows, type OrderView, orderView, toOrderView } from '../get-order.ts';
import { markPaidInTx, markPlacedOrderPaid, recordPayment } from '../mark-order-paid.ts';
import { releaseOrderResources } from '../release-order-resources.ts';
import { runCheckoutSaga } from './checkout.saga.ts';
import { type CheckoutRequest, saveCheckout } from './checkout-state.ts';

/**
 * POST /checkout: runs the saga, then settles what the payment answered — captured → `paid` now
 * (the `payment.captured` event finds it done), declined → cancelled with everything given back,
 * 3-D Secure → stays `awaiting_payment`. The cart is closed unless the card was declined, so the
 * customer can retry with another one.
 */
export async function placeOrder(
  ctx: OrdersContext,
  input: { customerId: string; request: CheckoutRequest },
): Promise<{ order: OrderView; payment: PaymentView | null }> {
  const state = await runCheckoutSaga(ctx, {
    checkoutId: ctx.deps.ids.next(),
    orderId: ctx.deps.ids.next(),
    customerId: input.customerId,
    request: input.request,
  });
  const payment = state.payment ?? null;
  const at = () => ctx.deps.clock.now();
  let order: Order | undefined;
  // Known when this process wrote all of it: the answer then needs no read.
  let history: StatusChange[] | undefined;
  if (!payment || payment.status === 'captured') {
    // Paid now, and the checkout settled in the same transaction.
    const settle = (txc: TxContext) => saveCheckout(txc.tx, state, { step: 'settled', status: 'completed', at: at() });
    const paid = state.placed ? await markPlacedOrderPaid(ctx, state.placed, payment?.id ?? null, settle) : undefined;
    ({ order, history } = paid ?? {});
    order ??= await ctx.deps.uow(async (txc) => {
      const moved = await markPaidInTx(ctx, txc, { orderId: state.orderId, paymentId: payment?.id ?? null });
      await settle(txc);
      return moved;
    });
    if (order?.status === 'paid') ctx.settledHere.add(order.id);
  } else if (payment.status === 'failed') {
    const note = `payment declined${payment.failureReason ? `: ${payment.failureReason}` : ''}`;
    const ref = { id: payment.id, status: payment.status };
    await ctx.deps.uow(async (txc) => {
      await cancelUnpaidInTx(ctx, txc, { orderId: state.orderId, payment: ref, note, releaseDelaySeconds: 30 });
      await saveCheckout(txc.tx, state, { step: 'settled', status: 'declined', at: at() });
    });
    // The payment.failed event may have cancelled it first; either way its holdings go back now.
    order = await findOrder(ctx.deps.db, state.orderId);
    if (order?.status === 'cancelled') {
      await releaseOrderResources(ctx, order).catch((error) => ctx.deps.log.warn({ err: error }, 'release after decline failed'));
    }
  } else {
    // The customer has ORDER_PAYMENT_TTL to finish paying; the expiry job ends the wait.
    await ctx.deps.uow(async ({ tx }) => {
      await recordPayment(tx, state.orderId, { id: payment.id, status: payment.status });
      await ctx.deps.jobs.send(EXPIRE_QUEUE, { orderId: state.orderId }, { tx, startAfterSeconds: ctx.config.paymentTtlSeconds });
      await saveCheckout(tx, state, { step: 'settled', status: 'completed', at: at() });
    });
  }
  if (payment?.status !== 'failed') {
    await ctx.cart
      .markCheckedOut(input.request.cartId, state.orderId)
      .catch((error) => ctx.deps.log.warn({ err: error, cartId: input.request.cartId }, 'closing the cart failed'));
  }
  order ??= await findOrder(ctx.deps.db, state.orderId);
  if (!order) throw OrderNotFound(state.orderId);
  return { order: history ? toOrderView(order, historyRows(history)) : await orderView(ctx.deps.db, order), payment };
}
