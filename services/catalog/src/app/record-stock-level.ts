import type { TxContext } from '@bazar/kit/events/outbox';
import { storeStockLevel } from '../db/product-repo.ts';
import type { CatalogContext } from './context.ts';
import { forgetProduct } from './product-writes.ts';

/** Keeps `inStock` in step with inventory: stores a SKU's availability across all warehouses. */
export async function recordStockLevel(ctx: CatalogContext, tx: TxContext, input: { sku: string; totalAvailable: number; at: Date }) {
  const sku = input.sku.toUpperCase();
  // One statement, already stored when it returns: what follows only drops cached reads.
  const { before, owners } = await storeStockLevel(tx.tx, { sku, available: input.totalAvailable, at: input.at });
  // Readers see availability only as in stock or not: a level that stays on one side changes no cached read.
  if (before !== null && before > 0 === input.totalAvailable > 0) return;
  // Once more shortly after, in case a read re-cached the old value before the change was visible.
  await forgetProduct(ctx, ...owners);
}
