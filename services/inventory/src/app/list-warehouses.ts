import { decodeCursor, toPage } from '@bazar/kit/http/pagination';
import { asc, gt } from 'drizzle-orm';
import { warehouses } from '../db/schema.ts';
import type { InventoryContext } from './context.ts';

/** A warehouse as the API shows it. */
export interface WarehouseView {
  id: string;
  name: string;
  address: string | null;
  city: string | null;
  lat: number | null;
  lon: number | null;
  isDefault: boolean;
  createdAt: string;
}

export const toWarehouseView = (row: typeof warehouses.$inferSelect): WarehouseView => ({
  id: row.id,
  name: row.name,
  address: row.address,
  city: row.city,
  lat: row.lat,
  lon: row.lon,
  isDefault: row.isDefault,
  createdAt: row.createdAt.toISOString(),
});

const isCursor = (v: unknown): v is { id: string } => typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string';

/** Warehouses in creation order (ids are UUIDv7), as a page. */
export async function listWarehouses(ctx: InventoryContext, input: { limit: number; cursor?: string }) {
  const after = decodeCursor(input.cursor, isCursor);
  const rows = await ctx.deps.db
    .select()
    .from(warehouses)
    .where(after ? gt(warehouses.id, after.id) : undefined)
    .orderBy(asc(warehouses.id))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, toWarehouseView, (row) => ({ id: row.id }));
}
