import { ORDER_EVENTS } from '@bazar/contracts/events/orders';
import type { OutgoingEvent } from '@bazar/kit/events/event';
import { addMoney } from '@bazar/kit/money';
import type { Order, StatusChange } from '../domain/order.ts';

/** The ONLY mapping from an order's status change to the integration event `order.<status>.v1`. */
export function toIntegration(order: Order, change: StatusChange): OutgoingEvent {
  return ORDER_EVENTS[change.to].make({
    orderId: order.id,
    number: order.number,
    customerId: order.customerId,
    status: change.to,
    previousStatus: change.from,
    total: order.totals.total,
    subtotal: order.totals.subtotal,
    // Consumers see one deduction: the promotion and the points together.
    discount: addMoney(order.totals.discount, order.totals.pointsDiscount),
    shipping: order.totals.shipping,
    exchangeRate: order.exchangeRate,
    paymentId: order.payment?.id ?? null,
    pointsUsed: order.pointsUsed,
    // A line whose every unit was removed for a shortage is no longer part of what is sent.
    lines: order.lines
      .filter((l) => l.quantity > 0)
      .map((l) => ({ variantId: l.variantId, sku: l.sku, title: l.title, quantity: l.quantity, unitPrice: l.unitPrice })),
    delivery: { phone: order.phone, address: order.shippingAddress, ...(order.deliverySlot ? { slot: order.deliverySlot } : {}) },
    actorId: change.actorId,
    note: change.note,
    at: change.at.toISOString(),
  });
}
