import type { TxContext } from '@bazar/kit/events/outbox';
import { sql } from 'drizzle-orm';
import { orderCopies } from '../db/schema.ts';
import type { OrderLineCopy } from '../domain/task-plan.ts';
import type { FulfilmentContext } from './context.ts';
import { createPickingTasks } from './create-picking-tasks.ts';

/**
 * Keeps a paid order's number and lines. The upsert holds the order's row until commit, so of this
 * and the allocation arriving together the later one sees both halves and makes the tasks.
 */
export async function recordPaidOrder(
  ctx: FulfilmentContext,
  uow: TxContext,
  input: { orderId: string; number: string; lines: OrderLineCopy[] },
) {
  const at = ctx.deps.clock.now();
  const [order] = await uow.tx
    .insert(orderCopies)
    .values({ orderId: input.orderId, number: input.number, lines: input.lines, updatedAt: at })
    .onConflictDoUpdate({ target: orderCopies.orderId, set: { number: sql`excluded.number`, lines: sql`excluded.lines`, updatedAt: at } })
    .returning();
  return order ? createPickingTasks(ctx, uow, order) : [];
}
