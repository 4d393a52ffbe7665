import { reusableQuery } from '@bazar/kit/db/reusable-query';
import type { TxContext } from '@bazar/kit/events/outbox';
import { eq, sql } from 'drizzle-orm';
import { productsOfSkus, recordAvailability } from '../db/product-repo.ts';
import { stockLevels } from '../db/schema.ts';
import type { CatalogContext } from './context.ts';
import { forgetProduct } from './product-writes.ts';

const selectLevel = reusableQuery('catalog.stock_levels.find', (db) =>
  db
    .select({ available: stockLevels.available })
    .from(stockLevels)
    .where(eq(stockLevels.sku, sql.placeholder('sku'))),
);

/** Keeps `inStock` in step with inventory: stores a SKU's availability across all warehouses. */
export async function recordStockLevel(ctx: CatalogContext, tx: TxContext, input: { sku: string; totalAvailable: number; at: Date }) {
  const [before] = await selectLevel(tx.tx, { sku: input.sku.toUpperCase() });
  // Readers see availability only as in stock or not: a level that stays on one side changes no flag and nothing cached.
  const flips = !before || before.available > 0 !== input.totalAvailable > 0;
  await recordAvailability(tx.tx, [{ sku: input.sku, available: input.totalAvailable }], input.at, { refreshFlags: flips });
  if (!flips) return;
  const owners = await productsOfSkus(tx.tx, [input.sku]);
  // The handler's transaction commits after we return, so drop cached reads now and once more
  // shortly after, in case a read re-cached the old value in between.
  await forgetProduct(ctx, ...owners);
  setTimeout(() => void forgetProduct(ctx, ...owners).catch(() => undefined), 250).unref();
}
