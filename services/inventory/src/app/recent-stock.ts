import { LRUCache } from 'lru-cache';
import type { WarehouseStock } from '../domain/stock.ts';

/**
 * The stock rows this process last wrote by reservation, per SKU (every warehouse's row). Another
 * process, or a change here that forgot to say so, may have moved them since: they only serve as
 * the levels a compare-and-set reservation expects, which then fails and reads afresh. Bounded.
 */
export interface RecentStock {
  /** The rows of every one of these SKUs, or undefined when one of them is not remembered. */
  get(skus: readonly string[]): WarehouseStock[] | undefined;
  /** Remembers `rows` as the whole stock of their SKUs. */
  remember(rows: readonly WarehouseStock[]): void;
  forget(skus: Iterable<string>): void;
}

export function recentStock(max = 10_000): RecentStock {
  const bySku = new LRUCache<string, WarehouseStock[]>({ max });
  return {
    get(skus) {
      const rows: WarehouseStock[] = [];
      for (const sku of skus) {
        const known = bySku.get(sku);
        if (!known) return undefined;
        rows.push(...known);
      }
      return rows;
    },
    remember(rows) {
      const grouped = new Map<string, WarehouseStock[]>();
      for (const row of rows) grouped.set(row.sku, [...(grouped.get(row.sku) ?? []), row]);
      for (const [sku, ofSku] of grouped) bySku.set(sku, ofSku);
    },
    forget(skus) {
      for (const sku of skus) bySku.delete(sku);
    },
  };
}
