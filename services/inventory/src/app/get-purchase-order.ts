import { findPurchaseOrder, type StoredPurchaseOrder } from '../db/purchase-order-repo.ts';
import { PurchaseOrderNotFound } from '../domain/inventory.errors.ts';
import type { InventoryContext } from './context.ts';

/** One purchase order, or 404. */
export async function getPurchaseOrder(ctx: InventoryContext, id: string): Promise<StoredPurchaseOrder> {
  const order = await findPurchaseOrder(ctx.deps.db, id);
  if (!order) throw PurchaseOrderNotFound(id);
  return order;
}
