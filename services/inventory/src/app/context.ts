import type { ServiceDeps } from '@bazar/kit/service';
import type { RecentStock } from './recent-stock.ts';
import type { SkuTurns } from './sku-turns.ts';

/** What inventory's use cases need: the host's deps (inventory has no settings of its own yet). */
export interface InventoryContext {
  deps: ServiceDeps;
  /** Stock rows as this process's last reservation of them left them (reserve-stock); forgotten by every other change here. */
  recentStock: RecentStock;
  /** This process's reservations of a SKU, one at a time (reserve-stock). */
  skuTurns: SkuTurns;
}
