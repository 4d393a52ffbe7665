import { eq } from 'drizzle-orm';
import { stockAudits } from '../db/schema.ts';
import { AuditNotFound } from '../domain/inventory.errors.ts';
import type { InventoryContext } from './context.ts';
import { type StockAuditView, toAuditView } from './post-stock-audit.ts';

/** One stock audit, or 404. */
export async function getStockAudit(ctx: InventoryContext, id: string): Promise<StockAuditView> {
  const [row] = await ctx.deps.db.select().from(stockAudits).where(eq(stockAudits.id, id));
  if (!row) throw AuditNotFound(id);
  return toAuditView(row);
}
