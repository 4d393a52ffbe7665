import { defineEvent } from '@bazar/kit/events/event';
import { Type } from 'typebox';
import { Money, Timestamp, Uuid } from '../common.ts';

export const ORDER_STATUSES = ['awaiting_payment', 'paid', 'picking', 'packed', 'shipped', 'delivered', 'cancelled', 'refunded'] as const;
export type OrderStatusName = (typeof ORDER_STATUSES)[number];

export const Address = Type.Object({
  city: Type.String(),
  street: Type.String(),
  house: Type.String(),
  apartment: Type.Optional(Type.String()),
  postalCode: Type.Optional(Type.String()),
  lat: Type.Optional(Type.Number()),
  lon: Type.Optional(Type.Number()),
});

export const DeliverySlot = Type.Object({
  date: Type.String({ format: 'date' }),
  windowId: Type.String(),
  from: Type.String(),
  to: Type.String(),
  bookingId: Uuid,
});

/** What every `order.<status>.v1` carries: enough for fulfilment, delivery, notifications and analytics read models. */
export const OrderSnapshot = Type.Object({
  orderId: Uuid,
  number: Type.String(),
  customerId: Uuid,
  status: Type.String(),
  previousStatus: Type.Union([Type.String(), Type.Null()]),
  total: Money,
  subtotal: Money,
  discount: Money,
  shipping: Money,
  /** Units of the order currency per one unit of the base currency, fixed at checkout. */
  exchangeRate: Type.String(),
  paymentId: Type.Union([Uuid, Type.Null()]),
  pointsUsed: Type.Integer({ minimum: 0 }),
  lines: Type.Array(
    Type.Object({ variantId: Uuid, sku: Type.String(), title: Type.String(), quantity: Type.Integer({ minimum: 1 }), unitPrice: Money }),
  ),
  delivery: Type.Object({
    phone: Type.String(),
    address: Address,
    /** The delivery day and window the customer chose at checkout, and the place delivery holds for it. */
    slot: Type.Optional(DeliverySlot),
  }),
  actorId: Type.Union([Uuid, Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  at: Timestamp,
});

const orderEvent = (status: OrderStatusName) => defineEvent(`order.${status}`, 1, OrderSnapshot);

export const OrderAwaitingPayment = orderEvent('awaiting_payment');
export const OrderPaid = orderEvent('paid');
export const OrderPicking = orderEvent('picking');
export const OrderPacked = orderEvent('packed');
export const OrderShipped = orderEvent('shipped');
export const OrderDelivered = orderEvent('delivered');
export const OrderCancelled = orderEvent('cancelled');
export const OrderRefunded = orderEvent('refunded');

/** The event for a status, so orders maps every transition in one place. */
export const ORDER_EVENTS = {
  awaiting_payment: OrderAwaitingPayment,
  paid: OrderPaid,
  picking: OrderPicking,
  packed: OrderPacked,
  shipped: OrderShipped,
  delivered: OrderDelivered,
  cancelled: OrderCancelled,
  refunded: OrderRefunded,
} as const;

/** A service request's statuses (CONTRACT.md "Order types and service requests"). */
export const SERVICE_REQUEST_STATUSES = [
  'matching',
  'assigned',
  'equipping',
  'equipped',
  'in_progress',
  'completed',
  'cancelled',
  'unmatched',
] as const;
export type ServiceRequestStatusName = (typeof SERVICE_REQUEST_STATUSES)[number];

/** A customer booked a worker: the price is locked and the payment authorized; matching may start. */
export const ServiceRequestBooked = defineEvent(
  'orders.service_request.booked',
  1,
  Type.Object({
    requestId: Uuid,
    customerId: Uuid,
    typeId: Uuid,
    skill: Type.String(),
    city: Type.String(),
    lat: Type.Optional(Type.Number()),
    lon: Type.Optional(Type.Number()),
    scheduledAt: Timestamp,
  }),
);

/** A request reached an end (frees the worker's open job); `customerId` and `number` let notifications tell the customer. */
export const ServiceRequestClosed = defineEvent(
  'orders.service_request.closed',
  1,
  Type.Object({
    requestId: Uuid,
    workerId: Type.Optional(Uuid),
    status: Type.Union([Type.Literal('completed'), Type.Literal('cancelled'), Type.Literal('unmatched')]),
    customerId: Type.Optional(Uuid),
    number: Type.Optional(Type.String()),
  }),
);

/** The customer rated the worker of a completed request. */
export const ServiceRequestRated = defineEvent(
  'orders.service_request.rated',
  1,
  Type.Object({ requestId: Uuid, workerId: Uuid, stars: Type.Integer({ minimum: 1, maximum: 5 }) }),
);

/** The worker's report, once the actual amount is captured: what the customer's report e-mail says. */
export const ServiceRequestCompleted = defineEvent(
  'orders.service_request.completed',
  1,
  Type.Object({
    requestId: Uuid,
    number: Type.String(),
    receiptNumber: Type.String(),
    customerId: Uuid,
    workerId: Uuid,
    typeId: Uuid,
    typeName: Type.String(),
    summary: Type.String(),
    hoursSpent: Type.Number({ minimum: 0 }),
    materials: Type.Array(Type.Object({ sku: Type.String(), title: Type.String(), quantity: Type.Integer({ minimum: 1 }) })),
    amount: Money,
    completedAt: Timestamp,
  }),
);
