import { DomainError } from '@bazar/kit/errors';
import { eq, inArray } from 'drizzle-orm';
import { skus, stockAudits, warehouses } from '../db/schema.ts';
import { ensureStockRow, lockStock } from '../db/stock-repo.ts';
import { UnknownSkus, WarehouseNotFound } from '../domain/inventory.errors.ts';
import { type AuditLine, auditDifferences } from '../domain/stock-audit.ts';
import { changeStock } from './change-stock.ts';
import type { InventoryContext } from './context.ts';

export interface StockAuditView {
  id: string;
  warehouseId: string;
  lines: AuditLine[];
  createdBy: string;
  createdAt: string;
}

export const toAuditView = (row: typeof stockAudits.$inferSelect): StockAuditView => ({ ...row, createdAt: row.createdAt.toISOString() });

export const RepeatedSku = (sku: string) => new DomainError('inventory.repeated_sku', 422, `${sku} is counted twice in one audit`, { sku });

/**
 * A controller's count of some SKUs in one warehouse: each difference is posted as one `audit`
 * movement; a count under what is reserved refuses the whole audit and changes nothing.
 */
export async function postStockAudit(
  ctx: InventoryContext,
  input: { warehouseId: string; lines: { sku: string; counted: number }[]; actorId: string },
): Promise<StockAuditView> {
  const seen = new Set<string>();
  for (const line of input.lines) {
    if (seen.has(line.sku)) throw RepeatedSku(line.sku);
    seen.add(line.sku);
  }
  const skuList = [...seen].sort();
  return ctx.deps.uow(async (uow) => {
    const { tx } = uow;
    const at = ctx.deps.clock.now();
    const [warehouse] = await tx.select({ id: warehouses.id }).from(warehouses).where(eq(warehouses.id, input.warehouseId));
    if (!warehouse) throw WarehouseNotFound(input.warehouseId);
    const known = await tx.select({ sku: skus.sku }).from(skus).where(inArray(skus.sku, skuList));
    const missing = skuList.filter((sku) => !known.some((k) => k.sku === sku));
    if (missing.length > 0) throw UnknownSkus(missing);
    ctx.recentStock.forget(skuList);
    for (const sku of skuList) await ensureStockRow(tx, sku, input.warehouseId, at);
    const locked = await lockStock(tx, skuList);
    const lines = auditDifferences(
      locked.filter((l) => l.warehouseId === input.warehouseId),
      input.lines,
    );
    const id = ctx.deps.ids.next();
    const changes = lines
      .filter((l) => l.delta !== 0)
      .map((l) => ({ sku: l.sku, warehouseId: input.warehouseId, onHandDelta: l.delta, reservedDelta: 0 }));
    await changeStock(
      uow,
      changes,
      { reason: 'audit', at, ids: ctx.deps.ids, documentId: id, actorId: input.actorId, note: 'stock audit' },
      locked,
    );
    const [row] = await tx
      .insert(stockAudits)
      .values({ id, warehouseId: input.warehouseId, lines, createdBy: input.actorId, createdAt: at })
      .returning();
    if (!row) throw new Error('inventory: audit insert returned nothing');
    return toAuditView(row);
  });
}
