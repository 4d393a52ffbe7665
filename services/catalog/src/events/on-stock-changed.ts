import { StockChanged } from '@bazar/contracts/events/inventory';
import { onEvent } from '@bazar/kit/events/inbox';
import type { CatalogContext } from '../app/context.ts';
import { recordStockLevel } from '../app/record-stock-level.ts';

/** inventory.stock_changed → the SKU's availability read model (`totalAvailable` across warehouses). */
export const onStockChanged = (ctx: CatalogContext) =>
  onEvent(
    StockChanged,
    (tx, e) => recordStockLevel(ctx, tx, { sku: e.data.sku, totalAvailable: e.data.totalAvailable, at: new Date(e.data.changedAt) }),
    // A level older than the stored one never overwrites it, so a repeat changes nothing.
    { idempotent: true },
  );
