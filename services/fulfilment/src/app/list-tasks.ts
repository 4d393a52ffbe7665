import { decodeCursor, toPage } from '@bazar/kit/http/pagination';
import { and, asc, eq, gt } from 'drizzle-orm';
import { pickingTasks, type TASK_STATUSES } from '../db/schema.ts';
import { toTask } from '../db/task-repo.ts';
import type { FulfilmentContext } from './context.ts';

export interface ListTasksInput {
  status?: (typeof TASK_STATUSES)[number];
  warehouseId?: string;
  pickerId?: string;
  orderId?: string;
  kind?: 'order' | 'kit';
  limit: number;
  cursor?: string;
}

const isCursor = (v: unknown): v is { id: string } => typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string';

/** The picking queue, oldest first, filtered. */
export async function listTasks(ctx: FulfilmentContext, input: ListTasksInput) {
  const after = decodeCursor(input.cursor, isCursor);
  const rows = await ctx.deps.db
    .select()
    .from(pickingTasks)
    .where(
      and(
        input.status ? eq(pickingTasks.status, input.status) : undefined,
        input.warehouseId ? eq(pickingTasks.warehouseId, input.warehouseId) : undefined,
        input.pickerId ? eq(pickingTasks.pickerId, input.pickerId) : undefined,
        input.orderId ? eq(pickingTasks.orderId, input.orderId) : undefined,
        input.kind ? eq(pickingTasks.kind, input.kind) : undefined,
        after ? gt(pickingTasks.id, after.id) : undefined,
      ),
    )
    .orderBy(asc(pickingTasks.id))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, toTask, (row) => ({ id: row.id }));
}
