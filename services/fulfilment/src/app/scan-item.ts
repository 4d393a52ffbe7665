import { scans } from '../db/schema.ts';
import { lineFor, type PickingTask, scan } from '../domain/picking-task.ts';
import { changeTask } from './change-task.ts';
import type { FulfilmentContext } from './context.ts';

export interface ScanItemInput {
  taskId: string;
  pickerId: string;
  code: string;
  quantity: number;
  /** The client's id for this scan; the same id again counts nothing (a phone retrying). */
  scanId?: string;
}

/** The assigned picker scanned an item by barcode or SKU: a wrong item or one too many is 422 and counts nothing. */
export async function scanItem(ctx: FulfilmentContext, input: ScanItemInput): Promise<PickingTask> {
  const scanId = input.scanId ? `${input.taskId}:${input.scanId}` : undefined;
  return changeTask(
    ctx,
    input.taskId,
    (task, at) => scan(task, input.pickerId, input.code, input.quantity, at),
    async ({ tx }, task) => {
      if (!scanId) return undefined;
      // Stored first and in one statement: a scan id already there is a repeat; a refused scan rolls its row back.
      const sku = lineFor(task, input.code)?.sku ?? input.code;
      const stored = await tx
        .insert(scans)
        .values({ scanId, taskId: task.id, sku, quantity: input.quantity, pickerId: input.pickerId, scannedAt: ctx.deps.clock.now() })
        .onConflictDoNothing()
        .returning({ scanId: scans.scanId });
      return stored.length === 0 ? task : undefined;
    },
  );
}
