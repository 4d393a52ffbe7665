import type { TaskLine } from './picking-task.ts';

/** What fulfilment keeps of a paid order's lines (from `order.paid`). */
export interface OrderLineCopy {
  sku: string;
  title: string;
  quantity: number;
}

/** Where each reserved part comes from (from `inventory.order_allocated`). */
export interface AllocationLine {
  sku: string;
  warehouseId: string;
  quantity: number;
}

/** A product as fulfilment knows it from catalog's events: what its barcode is. */
export interface ProductCopy {
  sku: string;
  barcode: string | null;
  title: string;
}

/**
 * One task per warehouse the order's stock comes from (warehouses in id order, lines by SKU), each
 * line with the order's title, catalog's barcode and nothing picked yet.
 */
export function planTasks(
  orderLines: readonly OrderLineCopy[],
  allocation: readonly AllocationLine[],
  products: ReadonlyMap<string, ProductCopy>,
): { warehouseId: string; lines: TaskLine[] }[] {
  const byWarehouse = new Map<string, Map<string, number>>();
  for (const part of allocation) {
    const lines = byWarehouse.get(part.warehouseId) ?? new Map<string, number>();
    lines.set(part.sku, (lines.get(part.sku) ?? 0) + part.quantity);
    byWarehouse.set(part.warehouseId, lines);
  }
  return [...byWarehouse]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([warehouseId, lines]) => ({
      warehouseId,
      lines: [...lines]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([sku, quantity]) => ({
          sku,
          barcode: products.get(sku)?.barcode ?? null,
          title: orderLines.find((l) => l.sku === sku)?.title ?? products.get(sku)?.title ?? sku,
          quantity,
          picked: 0,
          missing: 0,
          location: null,
        })),
    }));
}

/** A kit's lines: the materials a service request needs (same SKU twice → one line), by SKU, titled from catalog. */
export function planKit(materials: readonly { sku: string; quantity: number }[], products: ReadonlyMap<string, ProductCopy>): TaskLine[] {
  const merged = new Map<string, number>();
  for (const m of materials) merged.set(m.sku, (merged.get(m.sku) ?? 0) + m.quantity);
  return [...merged]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([sku, quantity]) => ({
      sku,
      barcode: products.get(sku)?.barcode ?? null,
      title: products.get(sku)?.title ?? sku,
      quantity,
      picked: 0,
      missing: 0,
      location: null,
    }));
}
