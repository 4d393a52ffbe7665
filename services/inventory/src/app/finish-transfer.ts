import { eq } from 'drizzle-orm';
import { transfers } from '../db/schema.ts';
import { ensureStockRow, lockStock } from '../db/stock-repo.ts';
import { TransferNotFound } from '../domain/inventory.errors.ts';
import { transferMachine } from '../domain/transfer.ts';
import { changeStock } from './change-stock.ts';
import type { InventoryContext } from './context.ts';
import { type TransferView, toTransferView } from './start-transfer.ts';

/**
 * A transfer in transit ends: `received` puts the goods into the destination, `cancelled` back
 * into the source (one `transfer_in` movement per SKU either way). A repeat answers the transfer as it is.
 */
export async function finishTransfer(
  ctx: InventoryContext,
  input: { id: string; to: 'received' | 'cancelled'; actorId: string },
): Promise<TransferView> {
  return ctx.deps.uow(async (uow) => {
    const { tx } = uow;
    const at = ctx.deps.clock.now();
    const [transfer] = await tx.select().from(transfers).where(eq(transfers.id, input.id)).for('update');
    if (!transfer) throw TransferNotFound(input.id);
    if (transfer.status === input.to) return toTransferView(transfer);
    transferMachine.assert(transfer.status, input.to);
    const warehouseId = input.to === 'received' ? transfer.toWarehouseId : transfer.fromWarehouseId;
    const skuList = transfer.lines.map((l) => l.sku);
    ctx.recentStock.forget(skuList);
    for (const sku of skuList) await ensureStockRow(tx, sku, warehouseId, at);
    const locked = await lockStock(tx, skuList);
    const changes = transfer.lines.map((l) => ({ sku: l.sku, warehouseId, onHandDelta: l.quantity, reservedDelta: 0 }));
    const note = input.to === 'received' ? 'transfer received' : 'transfer cancelled, back at the source';
    await changeStock(
      uow,
      changes,
      { reason: 'transfer_in', at, ids: ctx.deps.ids, documentId: transfer.id, actorId: input.actorId, note },
      locked,
    );
    const [row] = await tx
      .update(transfers)
      .set({ status: input.to, receivedAt: input.to === 'received' ? at : null })
      .where(eq(transfers.id, transfer.id))
      .returning();
    if (!row) throw new Error('inventory: transfer vanished');
    return toTransferView(row);
  });
}
