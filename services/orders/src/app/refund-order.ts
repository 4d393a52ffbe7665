import type { AuthUser } from '@bazar/kit/http/auth';
import { money } from '@bazar/kit/money';
import { v5 } from 'uuid';
import { findOrder } from '../db/order-repo.ts';
import { OrderNotFound, RefundNotAllowed, RefundTooLarge } from '../domain/order.errors.ts';
import { type Order, REFUNDABLE, refundableLeft } from '../domain/order.ts';
import { orderMachine } from '../domain/order-status.ts';
import type { OrdersContext } from './context.ts';
import { recordRefund } from './record-refund.ts';

/**
 * A manager gives money back, all of it (order → `refunded`) or part of it (status unchanged).
 * The refund id is derived from the order and the request's key, so a retried request refunds once.
 */
export async function refundOrder(
  ctx: OrdersContext,
  input: { orderId: string; actor: AuthUser; amount?: number; reason: string; requestKey: string },
): Promise<Order> {
  const order = await findOrder(ctx.deps.db, input.orderId);
  if (!order) throw OrderNotFound(input.orderId);
  if (!REFUNDABLE.includes(order.status) || !order.payment) throw RefundNotAllowed(order.status);
  const left = refundableLeft(order);
  const amount = input.amount ?? left;
  if (amount > left || left <= 0) throw RefundTooLarge(left);
  if (amount === left && !orderMachine.can(order.status, 'refunded')) throw RefundNotAllowed(order.status);
  const refundId = v5(`refund:${input.requestKey}`, order.id);
  const payment = await ctx.payments.refund(order.payment.id, { refundId, amount: money(amount, order.currency), reason: input.reason });
  const updated = await ctx.deps.uow((txc) =>
    recordRefund(ctx, txc, {
      orderId: order.id,
      refundedTotal: order.refunded.amount + amount,
      paymentStatus: payment.status,
      actorId: input.actor.id,
      note: input.reason,
    }),
  );
  return updated ?? order;
}
