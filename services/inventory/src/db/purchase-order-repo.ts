import type { DbOrTx, Tx } from '@bazar/kit/db/database';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { PurchaseOrderLine, PurchaseOrderStatus } from '../domain/purchase-order.ts';
import { purchaseOrderLines, purchaseOrders, suppliers } from './schema.ts';

/** A purchase order with its supplier's name and its lines, as stored. */
export interface StoredPurchaseOrder {
  id: string;
  supplier: { id: string; name: string };
  warehouseId: string;
  status: PurchaseOrderStatus;
  currency: string;
  lines: PurchaseOrderLine[];
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

type Row = typeof purchaseOrders.$inferSelect & { supplierName: string };

const headers = (db: DbOrTx) =>
  db
    .select({
      id: purchaseOrders.id,
      supplierId: purchaseOrders.supplierId,
      supplierName: suppliers.name,
      warehouseId: purchaseOrders.warehouseId,
      status: purchaseOrders.status,
      currency: purchaseOrders.currency,
      createdBy: purchaseOrders.createdBy,
      createdAt: purchaseOrders.createdAt,
      updatedAt: purchaseOrders.updatedAt,
    })
    .from(purchaseOrders)
    .innerJoin(suppliers, eq(suppliers.id, purchaseOrders.supplierId));

/** Attaches the lines of each order (one query for the page). */
export async function withLines(db: DbOrTx, rows: Row[]): Promise<StoredPurchaseOrder[]> {
  if (rows.length === 0) return [];
  const lines = await db
    .select()
    .from(purchaseOrderLines)
    .where(
      inArray(
        purchaseOrderLines.purchaseOrderId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(purchaseOrderLines.sku));
  return rows.map((row) => ({
    id: row.id,
    supplier: { id: row.supplierId, name: row.supplierName },
    warehouseId: row.warehouseId,
    status: row.status,
    currency: row.currency,
    lines: lines
      .filter((l) => l.purchaseOrderId === row.id)
      .map((l) => ({ sku: l.sku, quantity: l.quantity, received: l.received, unitCostMinor: l.unitCostMinor })),
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }));
}

/** Loads one purchase order; `forUpdate` locks its row for a status move or a receipt. */
export async function findPurchaseOrder(db: DbOrTx, id: string, options: { forUpdate?: boolean } = {}) {
  if (options.forUpdate) {
    const locked = await db.select({ id: purchaseOrders.id }).from(purchaseOrders).where(eq(purchaseOrders.id, id)).for('update');
    if (locked.length === 0) return undefined;
  }
  const [found] = await withLines(db, await headers(db).where(eq(purchaseOrders.id, id)));
  return found;
}

/** A page of headers (newest first) matching the filters; the caller attaches lines. */
export const selectPurchaseOrders = headers;

/** Stores a status move and, after a receipt, the lines' received quantities. */
export async function savePurchaseOrder(tx: Tx, order: StoredPurchaseOrder, at: Date): Promise<void> {
  await tx.update(purchaseOrders).set({ status: order.status, updatedAt: at }).where(eq(purchaseOrders.id, order.id));
  for (const line of order.lines) {
    await tx
      .update(purchaseOrderLines)
      .set({ received: line.received })
      .where(and(eq(purchaseOrderLines.purchaseOrderId, order.id), eq(purchaseOrderLines.sku, line.sku)));
  }
}
