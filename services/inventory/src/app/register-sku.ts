import type { TxContext } from '@bazar/kit/events/outbox';
import { skus } from '../db/schema.ts';
import { defaultWarehouseId, ensureStockRow } from '../db/stock-repo.ts';
import { changeStock } from './change-stock.ts';
import type { InventoryContext } from './context.ts';

export interface RegisterSkuInput {
  sku: string;
  variantId: string;
  productId: string;
  initialStock: number;
}

/**
 * Takes a new catalog variant into inventory: its initial stock goes into the default warehouse,
 * once per SKU, so a redelivered or repeated announcement adds nothing. Runs in the handler's transaction.
 */
export async function registerSku(ctx: InventoryContext, uow: TxContext, input: RegisterSkuInput): Promise<boolean> {
  const { tx } = uow;
  const at = ctx.deps.clock.now();
  const fresh = await tx
    .insert(skus)
    .values({ sku: input.sku, variantId: input.variantId, productId: input.productId, registeredAt: at })
    .onConflictDoNothing()
    .returning({ sku: skus.sku });
  if (fresh.length === 0) return false;
  const warehouseId = await defaultWarehouseId(tx);
  await ensureStockRow(tx, input.sku, warehouseId, at);
  await changeStock(uow, [{ sku: input.sku, warehouseId, onHandDelta: input.initialStock, reservedDelta: 0 }], {
    reason: 'initial',
    at,
    ids: ctx.deps.ids,
    note: `catalog variant ${input.variantId}`,
  });
  return true;
}
