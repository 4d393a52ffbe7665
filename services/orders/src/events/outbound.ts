import {
  ORDER_EVENTS,
  ServiceRequestBooked,
  ServiceRequestClosed,
  ServiceRequestCompleted,
  ServiceRequestRated,
} from '@bazar/contracts/events/orders';
import type { OutgoingEvent } from '@bazar/kit/events/event';
import { addMoney } from '@bazar/kit/money';
import type { Order, StatusChange } from '../domain/order.ts';
import type { ServiceAddress, ServiceRequest, WorkReport } from '../domain/service-request.ts';

/** The integration events of orders, mapped in one place. The ONLY mapping from an order's status change to the integration event `order.<status>.v1`. */
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

/** A booked request, for workforce to match: where and when, in the skill its type needs. */
export const serviceRequestBooked = (booking: {
  requestId: string;
  customerId: string;
  typeId: string;
  skill: string;
  address: ServiceAddress;
  scheduledAt: Date;
}): OutgoingEvent =>
  ServiceRequestBooked.make({
    requestId: booking.requestId,
    customerId: booking.customerId,
    typeId: booking.typeId,
    skill: booking.skill,
    city: booking.address.city,
    ...(booking.address.lat === undefined ? {} : { lat: booking.address.lat }),
    ...(booking.address.lon === undefined ? {} : { lon: booking.address.lon }),
    scheduledAt: booking.scheduledAt.toISOString(),
  });

/** A completed request with its worker's report, the materials named as the quote named them. */
export function serviceRequestCompleted(request: ServiceRequest, report: WorkReport, workerId: string): OutgoingEvent {
  const titles = new Map(request.quote.materials.map((m) => [m.sku, m.title]));
  return ServiceRequestCompleted.make({
    requestId: request.id,
    number: request.number,
    receiptNumber: report.receiptNumber,
    customerId: request.customerId,
    workerId,
    typeId: request.typeId,
    typeName: request.typeName,
    summary: report.summary,
    hoursSpent: report.hoursSpent,
    materials: report.materialsUsed.map((m) => ({ ...m, title: titles.get(m.sku) ?? m.sku })),
    amount: report.amount,
    completedAt: report.completedAt,
  });
}

/** The request's end for workforce (the worker is free again) and the customer's messages. */
export const serviceRequestClosed = (
  request: ServiceRequest,
  status: 'completed' | 'cancelled' | 'unmatched',
  workerId: string | null,
): OutgoingEvent =>
  ServiceRequestClosed.make({
    requestId: request.id,
    ...(workerId ? { workerId } : {}),
    status,
    customerId: request.customerId,
    number: request.number,
  });

export const serviceRequestRated = (requestId: string, workerId: string, stars: number): OutgoingEvent =>
  ServiceRequestRated.make({ requestId, workerId, stars });
