import type { TxContext } from '@bazar/kit/events/outbox';
import { sql } from 'drizzle-orm';
import { orderCopies } from '../db/schema.ts';
import type { AllocationLine } from '../domain/task-plan.ts';
import type { FulfilmentContext } from './context.ts';
import { createPickingTasks } from './create-picking-tasks.ts';

/** Keeps which warehouse each reserved part of an order comes from; makes the tasks when the order's lines are here too. */
export async function recordAllocation(ctx: FulfilmentContext, uow: TxContext, input: { orderId: string; lines: AllocationLine[] }) {
  const at = ctx.deps.clock.now();
  const [order] = await uow.tx
    .insert(orderCopies)
    .values({ orderId: input.orderId, allocation: input.lines, updatedAt: at })
    .onConflictDoUpdate({ target: orderCopies.orderId, set: { allocation: sql`excluded.allocation`, updatedAt: at } })
    .returning();
  return order ? createPickingTasks(ctx, uow, order) : [];
}
