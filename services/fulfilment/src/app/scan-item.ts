import { deferScanOnce, insertScanOnce, type ScanRow } from '../db/scan-repo.ts';
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
  const row = (task: PickingTask): ScanRow | undefined =>
    scanId === undefined
      ? undefined
      : {
          scanId,
          taskId: task.id,
          sku: lineFor(task, input.code)?.sku ?? input.code,
          quantity: input.quantity,
          pickerId: input.pickerId,
          scannedAt: ctx.deps.clock.now(),
        };
  return changeTask(ctx, input.taskId, (task, at) => scan(task, input.pickerId, input.code, input.quantity, at), {
    // Stored with the change, in its statement: a scan id already there fails it, and the locked way answers the repeat.
    alongside: async (tx, task) => {
      const scanned = row(task);
      if (scanned) await deferScanOnce(tx, scanned);
    },
    // Stored first and in one statement: a scan id already there is a repeat; a refused scan rolls its row back.
    before: async ({ tx }, task) => {
      const scanned = row(task);
      if (!scanned) return undefined;
      return (await insertScanOnce(tx, scanned)) ? undefined : task;
    },
  });
}
