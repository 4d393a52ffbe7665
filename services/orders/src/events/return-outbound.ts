import { RETURN_EVENTS } from '@bazar/contracts/events/returns';
import type { OutgoingEvent } from '@bazar/kit/events/event';
import { money } from '@bazar/kit/money';
import type { Order } from '../domain/order.ts';
import type { OrderReturn } from '../domain/return.ts';

/** The ONLY mapping from a return's step to `return.<status>.v1`. */
export function returnToIntegration(r: OrderReturn, order: Order, at: Date): OutgoingEvent {
  const lines =
    r.status === 'received'
      ? (r.received ?? []).map((l) => ({ variantId: l.variantId, sku: l.sku, quantity: l.quantity, restock: l.restock }))
      : r.lines.map((l) => ({ variantId: l.variantId, sku: l.sku, quantity: l.quantity, restock: false }));
  return RETURN_EVENTS[r.status].make({
    returnId: r.id,
    orderId: r.orderId,
    orderNumber: r.orderNumber,
    customerId: r.customerId,
    status: r.status,
    lines,
    refund: r.refund ?? money(0, order.currency),
    exchangeRate: order.exchangeRate,
    reason: r.status === 'requested' ? r.reason : r.decisionNote,
    at: at.toISOString(),
  });
}
