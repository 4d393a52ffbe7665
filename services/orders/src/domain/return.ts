import { defineMachine } from '@bazar/kit/machine';
import type { Money } from '@bazar/kit/money';
import type { OrderLine } from './order.ts';
import { ReturnTooMuch } from './return.errors.ts';

export type ReturnStatus = 'requested' | 'approved' | 'rejected' | 'received';

/** A return's lifecycle: an operator approves or rejects the request; approved items are received once. */
export const returnMachine = defineMachine<ReturnStatus>(
  {
    requested: ['approved', 'rejected'],
    approved: ['received'],
    rejected: [],
    received: [],
  },
  'orders.illegal_return_transition',
);

export interface ReturnLine {
  variantId: string;
  sku: string;
  quantity: number;
  unitPrice: Money;
}

export interface ReceivedLine {
  variantId: string;
  sku: string;
  quantity: number;
  /** Back to stock (sellable) or written off. */
  restock: boolean;
}

export interface OrderReturn {
  id: string;
  orderId: string;
  orderNumber: string;
  customerId: string;
  status: ReturnStatus;
  reason: string;
  lines: ReturnLine[];
  received: ReceivedLine[] | null;
  refund: Money | null;
  decisionNote: string | null;
  createdAt: Date;
}

/** How many of each variant may still be returned: delivered, less what earlier returns (not rejected) claim. */
export function returnableQuantities(
  lines: readonly OrderLine[],
  earlier: readonly Pick<OrderReturn, 'status' | 'lines'>[],
): Map<string, number> {
  const left = new Map<string, number>();
  for (const line of lines) left.set(line.variantId, (left.get(line.variantId) ?? 0) + line.quantity);
  for (const r of earlier) {
    if (r.status === 'rejected') continue;
    for (const line of r.lines) left.set(line.variantId, (left.get(line.variantId) ?? 0) - line.quantity);
  }
  return left;
}

/** The lines of a new request, priced as the order was; asking for more than is left → 422 naming the items. */
export function returnLines(
  orderLines: readonly OrderLine[],
  left: Map<string, number>,
  asked: readonly { variantId: string; quantity: number }[],
): ReturnLine[] {
  const merged = new Map<string, number>();
  for (const a of asked) merged.set(a.variantId, (merged.get(a.variantId) ?? 0) + a.quantity);
  const tooMuch = [...merged].filter(([variantId, quantity]) => quantity > (left.get(variantId) ?? 0));
  if (tooMuch.length > 0) {
    throw ReturnTooMuch(
      tooMuch.map(([variantId, requested]) => ({ variantId, requested, returnable: Math.max(0, left.get(variantId) ?? 0) })),
    );
  }
  return [...merged].map(([variantId, quantity]) => {
    const line = orderLines.find((l) => l.variantId === variantId) as OrderLine;
    return { variantId, sku: line.sku, quantity, unitPrice: line.unitPrice };
  });
}

/** Whether a return may still be asked for: within `windowDays` of the delivery. */
export const withinReturnWindow = (deliveredAt: Date, now: Date, windowDays: number): boolean =>
  now.getTime() - deliveredAt.getTime() <= windowDays * 86_400_000;

/**
 * What the received part refunds: each received unit at its order price, capped by what is left
 * to refund (an order-wide discount was already taken off the total).
 */
export function refundForReceived(lines: readonly ReturnLine[], received: readonly ReceivedLine[], refundableLeft: number): number {
  let amount = 0;
  for (const r of received) {
    const line = lines.find((l) => l.variantId === r.variantId);
    if (line) amount += line.unitPrice.amount * r.quantity;
  }
  return Math.max(0, Math.min(amount, refundableLeft));
}

/** Received quantities may not exceed what was approved for return. */
export function checkReceived(lines: readonly ReturnLine[], received: readonly { variantId: string; quantity: number }[]): boolean {
  return received.every((r) => {
    const line = lines.find((l) => l.variantId === r.variantId);
    const total = received.filter((x) => x.variantId === r.variantId).reduce((sum, x) => sum + x.quantity, 0);
    return !!line && total <= line.quantity;
  });
}
