import type { TxContext } from '@bazar/kit/events/outbox';
import { money } from '@bazar/kit/money';
import { findOrder, saveOrder } from '../db/order-repo.ts';
import { type Order, paidTotal } from '../domain/order.ts';
import { orderMachine } from '../domain/order-status.ts';
import type { OrdersContext } from './context.ts';
import { moveOrder } from './move-order.ts';

/**
 * Records money that went back. `refundedTotal` is what payments reports as refunded so far, so
 * applying it twice, or out of order, changes nothing; a full refund moves the order to `refunded`
 * where the table allows it.
 */
export async function recordRefund(
  ctx: OrdersContext,
  txc: TxContext,
  input: { orderId: string; refundedTotal: number; paymentStatus: string; actorId: string | null; note: string | null },
): Promise<Order | undefined> {
  const order = await findOrder(txc.tx, input.orderId, true);
  if (!order) return undefined;
  const refunded = money(Math.max(order.refunded.amount, input.refundedTotal), order.currency);
  const payment = order.payment ? { ...order.payment, status: input.paymentStatus } : null;
  const full = refunded.amount >= paidTotal(order);
  if (full && orderMachine.can(order.status, 'refunded')) {
    return moveOrder(ctx, txc, order, 'refunded', { actorId: input.actorId, note: input.note }, { refunded, payment });
  }
  const next = { ...order, refunded, payment };
  await saveOrder(txc.tx, next, ctx.deps.clock.now());
  return next;
}
