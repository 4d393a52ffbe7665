import { inArray } from 'drizzle-orm';
import { skus, transfers, warehouses } from '../db/schema.ts';
import { lockStock } from '../db/stock-repo.ts';
import { InsufficientStock, SameWarehouse, UnknownSkus, WarehouseNotFound } from '../domain/inventory.errors.ts';
import { availableOf, mergeLines } from '../domain/stock.ts';
import { changeStock } from './change-stock.ts';
import type { InventoryContext } from './context.ts';

export interface TransferView {
  id: string;
  fromWarehouseId: string;
  toWarehouseId: string;
  status: 'in_transit' | 'received' | 'cancelled';
  lines: { sku: string; quantity: number }[];
  createdBy: string;
  createdAt: string;
  receivedAt: string | null;
}

export const toTransferView = (row: typeof transfers.$inferSelect): TransferView => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  receivedAt: row.receivedAt?.toISOString() ?? null,
});

/**
 * Goods leave one warehouse for another: on hand drops at the source now (one `transfer_out`
 * movement per SKU, never below what is reserved) and the transfer is in transit until received.
 */
export async function startTransfer(
  ctx: InventoryContext,
  input: { fromWarehouseId: string; toWarehouseId: string; lines: { sku: string; quantity: number }[]; actorId: string },
): Promise<TransferView> {
  if (input.fromWarehouseId === input.toWarehouseId) throw SameWarehouse();
  const lines = mergeLines(input.lines);
  const skuList = lines.map((l) => l.sku);
  return ctx.deps.uow(async (uow) => {
    const { tx } = uow;
    const at = ctx.deps.clock.now();
    const found = await tx
      .select({ id: warehouses.id })
      .from(warehouses)
      .where(inArray(warehouses.id, [input.fromWarehouseId, input.toWarehouseId]));
    for (const id of [input.fromWarehouseId, input.toWarehouseId]) if (!found.some((w) => w.id === id)) throw WarehouseNotFound(id);
    const known = await tx.select({ sku: skus.sku }).from(skus).where(inArray(skus.sku, skuList));
    const missing = skuList.filter((sku) => !known.some((k) => k.sku === sku));
    if (missing.length > 0) throw UnknownSkus(missing);
    ctx.recentStock.forget(skuList);
    const locked = await lockStock(tx, skuList);
    for (const line of lines) {
      const level = locked.find((l) => l.sku === line.sku && l.warehouseId === input.fromWarehouseId) ?? { onHand: 0, reserved: 0 };
      if (availableOf(level) < line.quantity) throw InsufficientStock(line.sku, availableOf(level), -line.quantity);
    }
    const id = ctx.deps.ids.next();
    const changes = lines.map((l) => ({ sku: l.sku, warehouseId: input.fromWarehouseId, onHandDelta: -l.quantity, reservedDelta: 0 }));
    await changeStock(uow, changes, { reason: 'transfer_out', at, ids: ctx.deps.ids, documentId: id, actorId: input.actorId }, locked);
    const [row] = await tx
      .insert(transfers)
      .values({ id, ...input, lines, status: 'in_transit', createdBy: input.actorId, createdAt: at })
      .returning();
    if (!row) throw new Error('inventory: transfer insert returned nothing');
    return toTransferView(row);
  });
}
