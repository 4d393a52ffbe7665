import type { OrderFate } from '@bazar/kit/reconcile';
import { and, inArray } from 'drizzle-orm';
import { checkouts, orderRows } from '../db/schema.ts';
import type { OrdersContext } from './context.ts';

/**
 * What became of each order, for the services reconciling a checkout's effects. The checkouts are
 * read before the orders: a checkout that settles in between has written its order by then.
 */
export async function orderFates(ctx: OrdersContext, orderIds: string[]): Promise<Record<string, OrderFate>> {
  const fates: Record<string, OrderFate> = {};
  if (orderIds.length === 0) return fates;
  const running = await ctx.deps.db
    .select({ orderId: checkouts.orderId })
    .from(checkouts)
    .where(and(inArray(checkouts.orderId, orderIds), inArray(checkouts.status, ['running'])));
  const orders = await ctx.deps.db
    .select({ id: orderRows.id, status: orderRows.status })
    .from(orderRows)
    .where(inArray(orderRows.id, orderIds));
  const statusOf = new Map(orders.map((o) => [o.id, o.status]));
  const writing = new Set(running.map((r) => r.orderId));
  for (const id of orderIds) {
    const status = statusOf.get(id);
    if (status === undefined) fates[id] = writing.has(id) ? 'open' : 'absent';
    else if (status === 'awaiting_payment') fates[id] = 'open';
    else fates[id] = status === 'cancelled' ? 'cancelled' : 'paid';
  }
  return fates;
}
