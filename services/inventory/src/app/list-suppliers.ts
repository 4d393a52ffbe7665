import { decodeCursor, toPage } from '@bazar/kit/http/pagination';
import { and, asc, gt, ilike } from 'drizzle-orm';
import { suppliers } from '../db/schema.ts';
import type { InventoryContext } from './context.ts';
import { toSupplierView } from './create-supplier.ts';

const isCursor = (v: unknown): v is { id: string } => typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string';

/** Suppliers in creation order, optionally those whose name contains `q`. */
export async function listSuppliers(ctx: InventoryContext, input: { q?: string; limit: number; cursor?: string }) {
  const after = decodeCursor(input.cursor, isCursor);
  const pattern = input.q ? `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const rows = await ctx.deps.db
    .select()
    .from(suppliers)
    .where(and(pattern ? ilike(suppliers.name, pattern) : undefined, after ? gt(suppliers.id, after.id) : undefined))
    .orderBy(asc(suppliers.id))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, toSupplierView, (row) => ({ id: row.id }));
}
