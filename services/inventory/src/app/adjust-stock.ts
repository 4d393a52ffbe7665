import { eq } from 'drizzle-orm';
import { skus, warehouses } from '../db/schema.ts';
import { ensureStockRow, lockStock } from '../db/stock-repo.ts';
import { InsufficientStock, SkuNotFound, WarehouseNotFound } from '../domain/inventory.errors.ts';
import { availableOf, canAdjust } from '../domain/stock.ts';
import { changeStock } from './change-stock.ts';
import type { InventoryContext } from './context.ts';
import type { StockView } from './list-stock.ts';

export interface AdjustStockInput {
  sku: string;
  warehouseId: string;
  delta: number;
  reason: string;
  actorId: string;
}

/**
 * A counted correction (stock audit, damage, found goods): changes on-hand by `delta` and records
 * who and why. It may not take available below zero, so reserved goods are never lost to it.
 */
export async function adjustStock(ctx: InventoryContext, input: AdjustStockInput): Promise<StockView> {
  return ctx.deps.uow(async (uow) => {
    const { tx } = uow;
    const at = ctx.deps.clock.now();
    const [warehouse] = await tx.select({ id: warehouses.id }).from(warehouses).where(eq(warehouses.id, input.warehouseId));
    if (!warehouse) throw WarehouseNotFound(input.warehouseId);
    const [known] = await tx.select({ sku: skus.sku }).from(skus).where(eq(skus.sku, input.sku));
    if (!known) throw SkuNotFound(input.sku);
    ctx.recentStock.forget([input.sku]);
    await ensureStockRow(tx, input.sku, input.warehouseId, at);
    const level = (await lockStock(tx, [input.sku])).find((row) => row.warehouseId === input.warehouseId);
    if (!level) throw new Error(`inventory: stock row for ${input.sku} vanished`);
    if (!canAdjust(level, input.delta)) throw InsufficientStock(input.sku, availableOf(level), input.delta);
    const [after] = await changeStock(
      uow,
      [{ sku: input.sku, warehouseId: input.warehouseId, onHandDelta: input.delta, reservedDelta: 0 }],
      {
        reason: 'adjustment',
        at,
        ids: ctx.deps.ids,
        actorId: input.actorId,
        note: input.reason,
      },
    );
    if (!after) throw new Error('inventory: adjustment changed no row');
    return { ...after, available: availableOf(after) };
  });
}
