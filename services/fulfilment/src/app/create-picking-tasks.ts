import type { TxContext } from '@bazar/kit/events/outbox';
import { eq, inArray } from 'drizzle-orm';
import { orderCopies, products } from '../db/schema.ts';
import { insertTasks } from '../db/task-repo.ts';
import type { PickingTask } from '../domain/picking-task.ts';
import { planTasks } from '../domain/task-plan.ts';
import type { FulfilmentContext } from './context.ts';

type OrderCopy = typeof orderCopies.$inferSelect;

/**
 * Once both halves of a paid order are here (its lines from `order.paid`, its warehouses from
 * `inventory.order_allocated`), makes one picking task per warehouse, once.
 */
export async function createPickingTasks(ctx: FulfilmentContext, { tx }: TxContext, order: OrderCopy): Promise<PickingTask[]> {
  if (!order.lines || !order.allocation || order.cancelled || order.tasksCreatedAt) return [];
  const at = ctx.deps.clock.now();
  const skus = [...new Set(order.allocation.map((a) => a.sku))];
  const known = await tx.select().from(products).where(inArray(products.sku, skus));
  const plan = planTasks(order.lines, order.allocation, new Map(known.map((p) => [p.sku, p])));
  const tasks: PickingTask[] = plan.map((planned) => ({
    id: ctx.deps.ids.next(),
    orderId: order.orderId,
    orderNumber: order.number ?? '',
    warehouseId: planned.warehouseId,
    kind: 'order',
    status: 'pending',
    pickerId: null,
    workerId: null,
    lines: planned.lines,
    note: null,
    createdAt: at,
    assignedAt: null,
    startedAt: null,
    completedAt: null,
    verifiedAt: null,
    pickSeconds: null,
  }));
  await tx.update(orderCopies).set({ tasksCreatedAt: at, updatedAt: at }).where(eq(orderCopies.orderId, order.orderId));
  return insertTasks(tx, tasks, at);
}
