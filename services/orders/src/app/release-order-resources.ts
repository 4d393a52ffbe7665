import type { Tx } from '@bazar/kit/db/database';
import { DomainError } from '@bazar/kit/errors';
import { savePaymentStatus } from '../db/order-repo.ts';
import type { Order } from '../domain/order.ts';
import type { OrdersContext } from './context.ts';

export const RELEASE_QUEUE = 'orders.release_order';
const SETTLED = ['failed', 'voided', 'refunded'];

/** Unknown to the other side means there is nothing to give back. */
const tolerateMissing = (error: unknown) => {
  if (error instanceof DomainError && error.status === 404) return;
  throw error;
};

/** A packed order's reservation was committed; inventory takes the goods back itself on `order.cancelled`. */
const tolerateShipped = (error: unknown) => {
  if (error instanceof DomainError && error.code === 'inventory.illegal_transition') return;
  throw error;
};

/**
 * Gives back what a cancelled order held: its stock reservation, its payment (voided, or refunded
 * in full when captured), its promotion use and its points. Every call is idempotent by ids the
 * order already carries, so the direct call and the safety-net job may both run. Never in a transaction.
 */
export async function releaseOrderResources(ctx: OrdersContext, order: Order): Promise<void> {
  await ctx.inventory.release(order.reservationId).catch((error: unknown) => tolerateShipped(error));
  if (order.payment && !SETTLED.includes(order.payment.status)) {
    const payment = await ctx.payments.void(order.payment.id).catch((error: unknown) => tolerateMissing(error));
    if (payment) await savePaymentStatus(ctx.deps.db, order.id, payment.status);
  }
  if (order.redemptionId) await ctx.promotions.cancelRedemption(order.redemptionId);
  if (order.holdId) await ctx.promotions.cancelHold(order.holdId);
}

/**
 * Opens the cart of an order whose card was declined at checkout again, so the customer can pay
 * with another; a cart already open, gone, or checked out for another order is left as it is.
 */
export async function reopenCartOf(ctx: OrdersContext, cartId: string, orderId: string): Promise<void> {
  await ctx.cart.reopen(cartId, orderId).catch((error: unknown) => tolerateMissing(error));
}

/**
 * Enqueues the release in the cancelling transaction, so it happens even if the direct call is lost;
 * with `reopenCartId`, the job opens that cart again too (a declined card at checkout).
 */
export async function scheduleRelease(
  ctx: OrdersContext,
  tx: Tx,
  orderId: string,
  delaySeconds = 0,
  options: { reopenCartId?: string } = {},
): Promise<void> {
  const data = options.reopenCartId ? { orderId, reopenCartId: options.reopenCartId } : { orderId };
  await ctx.deps.jobs.send(RELEASE_QUEUE, data, { tx, ...(delaySeconds > 0 ? { startAfterSeconds: delaySeconds } : {}) });
}
