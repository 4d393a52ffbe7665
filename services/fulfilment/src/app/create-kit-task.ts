import { and, eq, inArray } from 'drizzle-orm';
import { orderCopies, pickingTasks, products } from '../db/schema.ts';
import { insertTasks, toTask } from '../db/task-repo.ts';
import type { PickingTask } from '../domain/picking-task.ts';
import { planKit } from '../domain/task-plan.ts';
import type { FulfilmentContext } from './context.ts';

export interface KitRequest {
  /** The service request the kit is for (a task's `orderId`). */
  requestId: string;
  number: string;
  warehouseId: string;
  workerId: string;
  materials: { sku: string; quantity: number }[];
}

/**
 * A kit of materials for a service request joins the picking queue (`kind: "kit"`), once per
 * request and warehouse: asking again answers the task already there (`created: false`). A request
 * already closed (its `orders.service_request.closed` came first) gets its task born cancelled.
 */
export async function createKitTask(ctx: FulfilmentContext, input: KitRequest): Promise<{ task: PickingTask; created: boolean }> {
  return ctx.deps.uow(async ({ tx }) => {
    const at = ctx.deps.clock.now();
    const skus = [...new Set(input.materials.map((m) => m.sku))];
    const known = await tx.select().from(products).where(inArray(products.sku, skus));
    const [copy] = await tx.select({ cancelled: orderCopies.cancelled }).from(orderCopies).where(eq(orderCopies.orderId, input.requestId));
    const task: PickingTask = {
      id: ctx.deps.ids.next(),
      orderId: input.requestId,
      orderNumber: input.number,
      warehouseId: input.warehouseId,
      kind: 'kit',
      status: copy?.cancelled ? 'cancelled' : 'pending',
      pickerId: null,
      workerId: input.workerId,
      lines: planKit(input.materials, new Map(known.map((p) => [p.sku, p]))),
      note: null,
      createdAt: at,
      assignedAt: null,
      startedAt: null,
      completedAt: null,
      verifiedAt: null,
      pickSeconds: null,
    };
    const [created] = await insertTasks(tx, [task], at);
    if (created) return { task: created, created: true };
    const [row] = await tx
      .select()
      .from(pickingTasks)
      .where(and(eq(pickingTasks.orderId, input.requestId), eq(pickingTasks.warehouseId, input.warehouseId), eq(pickingTasks.kind, 'kit')));
    if (!row) throw new Error(`fulfilment: kit of ${input.requestId} conflicted but is not visible`);
    return { task: toTask(row), created: false };
  });
}
