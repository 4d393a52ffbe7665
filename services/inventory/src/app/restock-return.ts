import type { TxContext } from '@bazar/kit/events/outbox';
import { defaultWarehouseId, ensureStockRow, lockStock } from '../db/stock-repo.ts';
import { changeStock } from './change-stock.ts';
import type { InventoryContext } from './context.ts';

/**
 * Items a customer returned in sellable condition go back on hand in the default warehouse, as a
 * `return` movement naming the return; written-off items change nothing. Runs once per return
 * (the inbox of the event that asks for it).
 */
export async function restockReturn(
  ctx: InventoryContext,
  uow: TxContext,
  input: { returnId: string; lines: { sku: string; quantity: number; restock: boolean }[] },
): Promise<void> {
  const back = input.lines.filter((l) => l.restock && l.quantity > 0);
  if (back.length === 0) return;
  const { tx } = uow;
  const at = ctx.deps.clock.now();
  const warehouseId = await defaultWarehouseId(tx);
  const skus = [...new Set(back.map((l) => l.sku))].sort();
  ctx.recentStock.forget(skus);
  for (const sku of skus) await ensureStockRow(tx, sku, warehouseId, at);
  const locked = await lockStock(tx, skus);
  const changes = skus.map((sku) => ({
    sku,
    warehouseId,
    onHandDelta: back.filter((l) => l.sku === sku).reduce((sum, l) => sum + l.quantity, 0),
    reservedDelta: 0,
  }));
  await changeStock(uow, changes, { reason: 'return', at, ids: ctx.deps.ids, note: `return ${input.returnId}` }, locked);
}
