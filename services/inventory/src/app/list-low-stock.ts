import { decodeCursor, toPage } from '@bazar/kit/http/pagination';
import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import { stock } from '../db/schema.ts';
import type { InventoryContext } from './context.ts';

/** A SKU a purchaser should reorder: its levels summed over the warehouses asked about. */
export interface LowStockView {
  sku: string;
  onHand: number;
  reserved: number;
  available: number;
}

export interface ListLowStockInput {
  threshold: number;
  warehouseId?: string;
  limit: number;
  cursor?: string;
}

const isCursor = (v: unknown): v is { s: string } => typeof v === 'object' && v !== null && typeof (v as { s?: unknown }).s === 'string';

/** SKUs whose available units (over every warehouse, or one) are under `threshold`, by SKU. */
export async function listLowStock(ctx: InventoryContext, input: ListLowStockInput) {
  const after = decodeCursor(input.cursor, isCursor);
  const available = sql<number>`sum(${stock.onHand} - ${stock.reserved})::int`;
  const rows = await ctx.deps.db
    .select({
      sku: stock.sku,
      onHand: sql<number>`sum(${stock.onHand})::int`,
      reserved: sql<number>`sum(${stock.reserved})::int`,
      available,
    })
    .from(stock)
    .where(
      and(
        input.warehouseId === undefined ? undefined : eq(stock.warehouseId, input.warehouseId),
        after ? gt(stock.sku, after.s) : undefined,
      ),
    )
    .groupBy(stock.sku)
    .having(lt(available, input.threshold))
    .orderBy(asc(stock.sku))
    .limit(input.limit + 1);
  const numeric = rows.map((row) => ({
    sku: row.sku,
    onHand: Number(row.onHand),
    reserved: Number(row.reserved),
    available: Number(row.available),
  }));
  return toPage(
    numeric,
    input.limit,
    (row) => row,
    (row) => ({ s: row.sku }),
  );
}
