import type { OrderReturn } from '../domain/return.ts';

/** A return as the API shows it. */
export const returnView = (r: OrderReturn) => ({
  id: r.id,
  orderId: r.orderId,
  orderNumber: r.orderNumber,
  customerId: r.customerId,
  status: r.status,
  reason: r.reason,
  items: r.lines.map((l) => ({ variantId: l.variantId, sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice })),
  received: r.received,
  refund: r.refund,
  decisionNote: r.decisionNote,
  createdAt: r.createdAt.toISOString(),
});
