import type { TxContext } from '@bazar/kit/events/outbox';
import { findOrder, saveOrder } from '../db/order-repo.ts';
import type { Order } from '../domain/order.ts';
import type { OrdersContext } from './context.ts';
import { moveOrder } from './move-order.ts';
import { scheduleRelease } from './release-order-resources.ts';

/** The captured payment an order is paid by, and the note of its move; no payment id: discounts and points covered everything. */
export const paidBy = (paymentId: string | null) => {
  const payment = paymentId ? { id: paymentId, status: 'captured' } : null;
  return { payment, note: payment ? 'payment captured' : 'nothing to pay' };
};

/**
 * Money was captured: an unpaid order becomes `paid`. Idempotent (the synchronous checkout answer
 * and the `payment.captured` event both land here). Money arriving for an order already cancelled
 * (expired, declined) is given back by the release job.
 */
export async function markOrderPaid(
  ctx: OrdersContext,
  txc: TxContext,
  input: { orderId: string; paymentId: string | null },
): Promise<Order | undefined> {
  const order = await findOrder(txc.tx, input.orderId, true);
  if (!order) return undefined;
  const { payment, note } = paidBy(input.paymentId);
  if (order.status === 'awaiting_payment') return moveOrder(ctx, txc, order, 'paid', { actorId: null, note }, { payment });
  if (payment && order.status === 'cancelled' && order.payment?.status !== 'captured' && order.payment?.status !== 'refunded') {
    const late = { ...order, payment };
    await saveOrder(txc.tx, late, ctx.deps.clock.now());
    await scheduleRelease(ctx, txc.tx, order.id);
    return late;
  }
  return order;
}
