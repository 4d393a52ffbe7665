import { findPurchaseOrder, type StoredPurchaseOrder, savePurchaseOrder } from '../db/purchase-order-repo.ts';
import { PurchaseOrderNotFound } from '../domain/inventory.errors.ts';
import { purchaseOrderMachine } from '../domain/purchase-order.ts';
import type { InventoryContext } from './context.ts';

/** Sends a draft to the supplier (`ordered`) or cancels an order; a move the lifecycle forbids is 409. */
export async function movePurchaseOrder(ctx: InventoryContext, id: string, to: 'ordered' | 'cancelled'): Promise<StoredPurchaseOrder> {
  return ctx.deps.uow(async ({ tx }) => {
    const order = await findPurchaseOrder(tx, id, { forUpdate: true });
    if (!order) throw PurchaseOrderNotFound(id);
    if (order.status === to) return order;
    purchaseOrderMachine.assert(order.status, to);
    const moved = { ...order, status: to, updatedAt: ctx.deps.clock.now() };
    await savePurchaseOrder(tx, moved, moved.updatedAt);
    return moved;
  });
}
