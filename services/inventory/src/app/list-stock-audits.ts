import { decodeCursor, toPage } from '@bazar/kit/http/pagination';
import { and, desc, eq, lt } from 'drizzle-orm';
import { stockAudits } from '../db/schema.ts';
import type { InventoryContext } from './context.ts';
import { toAuditView } from './post-stock-audit.ts';

const isCursor = (v: unknown): v is { id: string } => typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string';

/** Stock audits newest first, optionally of one warehouse. */
export async function listStockAudits(ctx: InventoryContext, input: { warehouseId?: string; limit: number; cursor?: string }) {
  const after = decodeCursor(input.cursor, isCursor);
  const rows = await ctx.deps.db
    .select()
    .from(stockAudits)
    .where(
      and(input.warehouseId ? eq(stockAudits.warehouseId, input.warehouseId) : undefined, after ? lt(stockAudits.id, after.id) : undefined),
    )
    .orderBy(desc(stockAudits.id))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, toAuditView, (row) => ({ id: row.id }));
}
