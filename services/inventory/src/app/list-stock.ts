import { decodeCursor, encodeCursor } from '@bazar/kit/http/pagination';
import { isUuid } from '@bazar/kit/ids';
import { and, asc, eq, gt, or, type SQL } from 'drizzle-orm';
import { stock } from '../db/schema.ts';
import { availableOf } from '../domain/stock.ts';
import type { InventoryContext } from './context.ts';

/** One row of `GET /api/v1/inventory`. */
export interface StockView {
  sku: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
  available: number;
}

export interface ListStockInput {
  sku?: string;
  warehouseId?: string;
  limit: number;
  cursor?: string;
}

const isCursor = (v: unknown): v is { s: string; w: string } =>
  typeof v === 'object' && v !== null && typeof (v as { s?: unknown }).s === 'string' && isUuid((v as { w?: unknown }).w);

/** Stock rows by SKU and warehouse, filtered, in (sku, warehouse) order; `nextCursor` continues the list. */
export async function listStock(ctx: InventoryContext, input: ListStockInput): Promise<{ items: StockView[]; nextCursor: string | null }> {
  const after = decodeCursor(input.cursor, isCursor);
  const filters: (SQL | undefined)[] = [
    input.sku === undefined ? undefined : eq(stock.sku, input.sku),
    input.warehouseId === undefined ? undefined : eq(stock.warehouseId, input.warehouseId),
    after ? or(gt(stock.sku, after.s), and(eq(stock.sku, after.s), gt(stock.warehouseId, after.w))) : undefined,
  ];
  const rows = await ctx.deps.db
    .select({ sku: stock.sku, warehouseId: stock.warehouseId, onHand: stock.onHand, reserved: stock.reserved })
    .from(stock)
    .where(and(...filters))
    .orderBy(asc(stock.sku), asc(stock.warehouseId))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({ ...row, available: availableOf(row) })),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ s: last.sku, w: last.warehouseId }) : null,
  };
}
