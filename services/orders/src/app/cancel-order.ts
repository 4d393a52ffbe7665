import type { AuthUser } from '@bazar/kit/http/auth';
import { hasRole } from '@bazar/kit/http/auth';
import { findOrder } from '../db/order-repo.ts';
import { CancelNotAllowed, OrderForbidden, OrderNotFound } from '../domain/order.errors.ts';
import { cancelAllowedFor } from '../domain/order.ts';
import { orderMachine } from '../domain/order-status.ts';
import type { OrdersContext } from './context.ts';
import { moveOrder } from './move-order.ts';
import { releaseOrderResources, scheduleRelease } from './release-order-resources.ts';

/**
 * Cancels at a person's request: the owner before picking, operators and managers until it ships.
 * The order is cancelled first (one transaction, with a release job as the safety net), then its
 * stock, payment, promotion and points are given back by direct calls outside the transaction.
 */
export async function cancelOrder(ctx: OrdersContext, input: { orderId: string; actor: AuthUser; reason?: string }) {
  const cancelled = await ctx.deps.uow(async (txc) => {
    const order = await findOrder(txc.tx, input.orderId, true);
    if (!order) throw OrderNotFound(input.orderId);
    const isOwner = order.customerId === input.actor.id;
    const isStaff = hasRole(input.actor, 'operator', 'manager', 'admin');
    if (!isOwner && !isStaff) throw OrderForbidden();
    orderMachine.assert(order.status, 'cancelled');
    if (!cancelAllowedFor(order.status, { isOwner, isStaff })) throw CancelNotAllowed(order.status);
    const note = input.reason?.trim() || (isOwner ? 'cancelled by the customer' : 'cancelled by staff');
    const next = await moveOrder(ctx, txc, order, 'cancelled', { actorId: input.actor.id, note });
    await scheduleRelease(ctx, txc.tx, order.id, 30);
    return next;
  });
  try {
    await releaseOrderResources(ctx, cancelled);
  } catch (error) {
    // The job enqueued with the cancellation retries it; the customer's cancel stands.
    ctx.deps.log.warn({ err: error, orderId: cancelled.id }, 'releasing a cancelled order failed; the job will retry');
  }
  return cancelled;
}
