import type { Money } from '@bazar/kit/money';
import { type OrderStatus, orderMachine } from './order-status.ts';

export interface OrderLine {
  variantId: string;
  sku: string;
  title: string;
  quantity: number;
  unitPrice: Money;
  total: Money;
  /** Units taken out after payment (not found in the warehouse) and what they refunded. */
  removed?: { quantity: number; refund: Money };
}

export interface OrderTotals {
  subtotal: Money;
  /** The promotion's discount. */
  discount: Money;
  /** What the spent loyalty points paid. */
  pointsDiscount: Money;
  shipping: Money;
  total: Money;
}

export interface ShippingAddress {
  city: string;
  street: string;
  house: string;
  apartment?: string;
  postalCode?: string;
  lat?: number;
  lon?: number;
}

/** The delivery day and window chosen at checkout, and delivery's booking of a place in it. */
export interface DeliverySlot {
  date: string;
  windowId: string;
  from: string;
  to: string;
  bookingId: string;
}

/** The order's shipment as delivery last reported it (CONTRACT: `order.shipment`). */
export interface ShipmentRef {
  id: string;
  status: string;
  trackingNumber: string;
}

export interface PaymentRef {
  id: string;
  status: string;
}

/** The order aggregate as transitions need it (history is append-only and lives beside it). */
export interface Order {
  id: string;
  number: string;
  customerId: string;
  status: OrderStatus;
  currency: string;
  /** Units of the order currency per one unit of the base currency, fixed at checkout. */
  exchangeRate: string;
  lines: OrderLine[];
  totals: OrderTotals;
  pointsUsed: number;
  promoCode: string | null;
  shippingAddress: ShippingAddress;
  phone: string;
  /** Null (or absent) when the customer chose no delivery window. */
  deliverySlot?: DeliverySlot | null;
  payment: PaymentRef | null;
  /** Refunded so far, in the order currency. */
  refunded: Money;
  reservationId: string;
  redemptionId: string | null;
  holdId: string | null;
  /** Null until delivery opens a shipment for the packed order. */
  shipment: ShipmentRef | null;
  /** When an unpaid order expires. */
  expiresAt: Date | null;
  createdAt: Date;
}

/** One row of the order's history: every status it reached, who moved it and why. */
export interface StatusChange {
  orderId: string;
  from: OrderStatus | null;
  to: OrderStatus;
  at: Date;
  actorId: string | null;
  note: string | null;
}

/** The first history entry of a new order (`awaiting_payment`, or `paid` when nothing is owed). */
export const placed = (order: Order, actorId: string | null, at: Date): StatusChange => ({
  orderId: order.id,
  from: null,
  to: order.status,
  at,
  actorId,
  note: null,
});

/** Moves an order along the machine; anything off the table is a 409 `orders.illegal_transition`. */
export function transition(
  order: Order,
  to: OrderStatus,
  by: { at: Date; actorId: string | null; note?: string | null },
): { order: Order; change: StatusChange } {
  orderMachine.assert(order.status, to);
  const change: StatusChange = { orderId: order.id, from: order.status, to, at: by.at, actorId: by.actorId, note: by.note ?? null };
  return { order: { ...order, status: to, expiresAt: to === 'awaiting_payment' ? order.expiresAt : null }, change };
}

/** `B-000123`: what customers and operators read out on the phone. */
export const formatOrderNumber = (sequence: number): string => `B-${String(sequence).padStart(6, '0')}`;

/** Who may cancel: the owner while nothing was picked; operators and managers until it ships. */
export function cancelAllowedFor(status: OrderStatus, actor: { isOwner: boolean; isStaff: boolean }): boolean {
  if (actor.isStaff && ['awaiting_payment', 'paid', 'picking', 'packed'].includes(status)) return true;
  return actor.isOwner && ['awaiting_payment', 'paid'].includes(status);
}

/** Statuses in which money was taken and may go back (in part, or fully when the table allows `refunded`). */
export const REFUNDABLE: readonly OrderStatus[] = ['paid', 'picking', 'packed', 'shipped', 'delivered'];

/** Refunds of units taken out of the order after payment (the total no longer counts them). */
export const removedTotal = (order: Pick<Order, 'lines'>): number =>
  order.lines.reduce((sum, l) => sum + (l.removed?.refund.amount ?? 0), 0);

/** What the customer paid: the current total plus what removed units refunded. */
export const paidTotal = (order: Order): number => order.totals.total.amount + removedTotal(order);

/** What is left to refund, in minor units. */
export const refundableLeft = (order: Order): number => paidTotal(order) - order.refunded.amount;
