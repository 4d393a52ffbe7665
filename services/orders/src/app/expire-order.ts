import { and, asc, eq, lte } from 'drizzle-orm';
import { findOrder } from '../db/order-repo.ts';
import { orderRows } from '../db/schema.ts';
import type { OrdersContext } from './context.ts';
import { moveOrder } from './move-order.ts';
import { releaseOrderResources, scheduleRelease } from './release-order-resources.ts';

/** Per-order expiry job, sent when a checkout leaves the payment open (3-D Secure). */
export const EXPIRE_QUEUE = 'orders.expire_unpaid_order';
/** The direct release usually succeeds first; the job then finds nothing left to give back. */
const RELEASE_BACKUP_DELAY_SECONDS = 5;

/**
 * Cancels an order whose payment did not arrive in time and gives back its stock (and voids a
 * payment still waiting for 3-D Secure). A paid or already cancelled order is left alone.
 */
export async function expireOrder(ctx: OrdersContext, orderId: string): Promise<boolean> {
  const expired = await ctx.deps.uow(async (txc) => {
    const order = await findOrder(txc.tx, orderId, true);
    if (!order) return undefined;
    if (order.status !== 'awaiting_payment') return undefined;
    if (order.expiresAt && order.expiresAt > ctx.deps.clock.now()) return undefined;
    const next = await moveOrder(ctx, txc, order, 'cancelled', { actorId: null, note: 'payment not received in time' });
    // The release job is the safety net: a retry of this expiry finds the order cancelled and does nothing.
    await scheduleRelease(ctx, txc.tx, order.id, RELEASE_BACKUP_DELAY_SECONDS);
    return next;
  });
  if (!expired) return false;
  await releaseOrderResources(ctx, expired).catch((error: unknown) =>
    ctx.deps.log.warn({ err: error, orderId }, 'releasing an expired order failed; the release job retries'),
  );
  return true;
}

/** The safety net behind the per-order jobs: expires every overdue unpaid order, oldest first. */
export async function expireOverdueOrders(ctx: OrdersContext, limit = 200): Promise<number> {
  const overdue = await ctx.deps.db
    .select({ id: orderRows.id })
    .from(orderRows)
    .where(and(eq(orderRows.status, 'awaiting_payment'), lte(orderRows.expiresAt, ctx.deps.clock.now())))
    .orderBy(asc(orderRows.expiresAt))
    .limit(limit);
  let count = 0;
  for (const { id } of overdue) if (await expireOrder(ctx, id)) count++;
  return count;
}
