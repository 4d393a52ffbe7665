import { DomainError } from '@bazar/kit/errors';
import { defineMachine } from '@bazar/kit/machine';

export type PurchaseOrderStatus = 'draft' | 'ordered' | 'partially_received' | 'received' | 'cancelled';

/**
 * A purchase order's lifecycle: a draft is sent to the supplier (ordered), goods arrive in one or
 * more receipts; it may be cancelled until everything has arrived (a partial one keeps what came).
 */
export const purchaseOrderMachine = defineMachine<PurchaseOrderStatus>(
  {
    draft: ['ordered', 'cancelled'],
    ordered: ['partially_received', 'received', 'cancelled'],
    partially_received: ['partially_received', 'received', 'cancelled'],
    received: [],
    cancelled: [],
  },
  'inventory.illegal_transition',
);

export interface PurchaseOrderLine {
  sku: string;
  quantity: number;
  received: number;
  unitCostMinor: number;
}

export const OverReceipt = (items: { sku: string; outstanding: number; receiving: number }[]) =>
  new DomainError('inventory.over_receipt', 422, `More received than ordered for: ${items.map((i) => i.sku).join(', ')}`, { items });
export const NotOnPurchaseOrder = (skus: string[]) =>
  new DomainError('inventory.not_on_purchase_order', 422, `Not on this purchase order: ${skus.join(', ')}`, { skus });
export const NothingToReceive = () => new DomainError('inventory.nothing_to_receive', 422, 'The receipt adds no goods');

/**
 * A receipt applied to the lines: `receiving` (absent = everything outstanding) may not name a SKU
 * the order lacks or exceed what is outstanding; answers the lines after it, what arrives, and the status.
 */
export function receive(
  lines: readonly PurchaseOrderLine[],
  receiving?: readonly { sku: string; quantity: number }[],
): { lines: PurchaseOrderLine[]; arrived: { sku: string; quantity: number }[]; status: 'partially_received' | 'received' } {
  const wanted = new Map<string, number>();
  for (const item of receiving ?? lines.map((l) => ({ sku: l.sku, quantity: l.quantity - l.received }))) {
    wanted.set(item.sku, (wanted.get(item.sku) ?? 0) + item.quantity);
  }
  const unknown = [...wanted.keys()].filter((sku) => !lines.some((l) => l.sku === sku));
  if (unknown.length > 0) throw NotOnPurchaseOrder(unknown);
  const over = lines
    .filter((l) => (wanted.get(l.sku) ?? 0) > l.quantity - l.received)
    .map((l) => ({ sku: l.sku, outstanding: l.quantity - l.received, receiving: wanted.get(l.sku) ?? 0 }));
  if (over.length > 0) throw OverReceipt(over);
  const arrived = [...wanted].filter(([, quantity]) => quantity > 0).map(([sku, quantity]) => ({ sku, quantity }));
  if (arrived.length === 0) throw NothingToReceive();
  const after = lines.map((l) => ({ ...l, received: l.received + (wanted.get(l.sku) ?? 0) }));
  return { lines: after, arrived, status: after.every((l) => l.received === l.quantity) ? 'received' : 'partially_received' };
}
