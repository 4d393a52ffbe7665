import { findPurchaseOrder, type StoredPurchaseOrder, savePurchaseOrder } from '../db/purchase-order-repo.ts';
import { ensureStockRow, lockStock } from '../db/stock-repo.ts';
import { PurchaseOrderNotFound } from '../domain/inventory.errors.ts';
import { purchaseOrderMachine, receive } from '../domain/purchase-order.ts';
import { changeStock } from './change-stock.ts';
import type { InventoryContext } from './context.ts';

export interface ReceivePurchaseOrderInput {
  id: string;
  /** What arrived; absent means everything still outstanding. */
  lines?: { sku: string; quantity: number }[];
  actorId: string;
}

/**
 * Goods arrived: each SKU's on hand grows in the order's warehouse by exactly what arrived (one
 * `receipt` movement each), and the order becomes partially received or received.
 */
export async function receivePurchaseOrder(ctx: InventoryContext, input: ReceivePurchaseOrderInput): Promise<StoredPurchaseOrder> {
  return ctx.deps.uow(async (uow) => {
    const { tx } = uow;
    const at = ctx.deps.clock.now();
    const order = await findPurchaseOrder(tx, input.id, { forUpdate: true });
    if (!order) throw PurchaseOrderNotFound(input.id);
    // Only an order sent to the supplier receives goods: a draft, received or cancelled one is 409.
    if (!purchaseOrderMachine.can(order.status, 'received')) purchaseOrderMachine.assert(order.status, 'received');
    const result = receive(order.lines, input.lines);
    purchaseOrderMachine.assert(order.status, result.status);
    const skuList = result.arrived.map((a) => a.sku).sort();
    ctx.recentStock.forget(skuList);
    for (const sku of skuList) await ensureStockRow(tx, sku, order.warehouseId, at);
    const locked = await lockStock(tx, skuList);
    const changes = result.arrived.map((a) => ({ sku: a.sku, warehouseId: order.warehouseId, onHandDelta: a.quantity, reservedDelta: 0 }));
    await changeStock(
      uow,
      changes,
      {
        reason: 'receipt',
        at,
        ids: ctx.deps.ids,
        documentId: order.id,
        actorId: input.actorId,
        note: `purchase order from ${order.supplier.name}`,
      },
      locked,
    );
    const next = { ...order, lines: result.lines, status: result.status, updatedAt: at };
    await savePurchaseOrder(tx, next, at);
    return next;
  });
}
