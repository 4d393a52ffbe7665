import type { StoredPurchaseOrder } from '../db/purchase-order-repo.ts';
import { purchaseOrderMachine } from '../domain/purchase-order.ts';

/** A purchase order as the API shows it: money as `{amount, currency}`, and where it may go next. */
export function toPurchaseOrderView(order: StoredPurchaseOrder) {
  const money = (amount: number) => ({ amount, currency: order.currency });
  return {
    id: order.id,
    supplier: order.supplier,
    warehouseId: order.warehouseId,
    status: order.status,
    nextStatuses: [...purchaseOrderMachine.next(order.status)],
    lines: order.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, received: l.received, unitCost: money(l.unitCostMinor) })),
    total: money(order.lines.reduce((sum, l) => sum + l.quantity * l.unitCostMinor, 0)),
    createdBy: order.createdBy,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}
