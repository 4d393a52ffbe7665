import { type ShipmentStatus, shipmentMachine } from './shipment-status.ts';

/** Where the parcel goes; a copy taken from the order's events (delivery never reads orders' tables). */
export interface DeliveryAddress {
  city: string;
  street: string;
  house: string;
  apartment?: string;
  postalCode?: string;
  lat?: number;
  lon?: number;
}

/** The delivery window the customer chose at checkout (local times of day). */
export interface DeliverySlot {
  windowId: string;
  from: string;
  to: string;
}

export interface Shipment {
  id: string;
  orderId: string;
  orderNumber: string;
  customerId: string;
  trackingNumber: string;
  status: ShipmentStatus;
  city: string;
  address: DeliveryAddress;
  phone: string;
  courierId: string | null;
  /** The day it is planned for (YYYY-MM-DD); a courier's route is per day. */
  deliveryDate: string;
  /** Place in the courier's route for the day (1-based) and the arrival estimated from it. */
  routePosition: number | null;
  eta: Date | null;
  /** Delivery attempts that failed. */
  failures: number;
  slot: DeliverySlot | null;
  /** Proof of delivery: the short code texted to the customer at pickup, and the wrong entries of it so far. */
  deliveryCode: string | null;
  codeAttempts: number;
  createdAt: Date;
}

/** One step of the shipment's history; `eventId` is the courier's report id, so a retried report counts once. */
export interface ShipmentChange {
  eventId: string;
  shipmentId: string;
  from: ShipmentStatus | null;
  to: ShipmentStatus;
  at: Date;
  actorId: string | null;
  note: string | null;
  lat: number | null;
  lon: number | null;
}

export interface ChangeInput {
  eventId: string;
  at: Date;
  actorId: string | null;
  note?: string | null;
  lat?: number | null;
  lon?: number | null;
}

/** A shipment for a packed order, waiting in the warehouse for a courier. */
export function openShipment(
  input: Omit<
    Shipment,
    'status' | 'courierId' | 'routePosition' | 'eta' | 'failures' | 'createdAt' | 'city' | 'deliveryCode' | 'codeAttempts'
  >,
  change: ChangeInput,
): { shipment: Shipment; change: ShipmentChange } {
  const shipment: Shipment = {
    ...input,
    city: input.address.city,
    status: 'ready',
    courierId: null,
    routePosition: null,
    eta: null,
    failures: 0,
    deliveryCode: null,
    codeAttempts: 0,
    createdAt: change.at,
  };
  return { shipment, change: toChange(shipment, null, 'ready', change) };
}

/**
 * Moves a shipment along its table; a hand-over (`assign`) may also set the courier and the day. A
 * pickup takes a fresh delivery code (each attempt has its own), which the customer gets by SMS.
 */
export function moveShipment(
  shipment: Shipment,
  to: ShipmentStatus,
  input: ChangeInput & { courierId?: string; deliveryDate?: string; deliveryCode?: string },
): { shipment: Shipment; change: ShipmentChange } {
  shipmentMachine.assert(shipment.status, to);
  const leavesRoute = to === 'delivered' || to === 'failed' || to === 'returned' || to === 'cancelled';
  const next: Shipment = {
    ...shipment,
    status: to,
    courierId: to === 'returned' || to === 'cancelled' ? shipment.courierId : (input.courierId ?? shipment.courierId),
    deliveryDate: input.deliveryDate ?? shipment.deliveryDate,
    failures: shipment.failures + (to === 'failed' ? 1 : 0),
    ...(to === 'picked_up' ? { deliveryCode: input.deliveryCode ?? null, codeAttempts: 0 } : {}),
    ...(leavesRoute ? { routePosition: null, eta: null } : {}),
  };
  return { shipment: next, change: toChange(next, shipment.status, to, input) };
}

const toChange = (s: Shipment, from: ShipmentStatus | null, to: ShipmentStatus, input: ChangeInput): ShipmentChange => ({
  eventId: input.eventId,
  shipmentId: s.id,
  from,
  to,
  at: input.at,
  actorId: input.actorId,
  note: input.note?.trim() || null,
  lat: input.lat ?? null,
  lon: input.lon ?? null,
});

/** Wrong entries of a delivery code after which only an operator can mark the shipment delivered. */
export const MAX_CODE_ATTEMPTS = 5;

/**
 * Checks the code a courier typed against the one texted to the customer. A shipment picked up
 * before codes existed has none and needs none.
 */
export function checkDeliveryCode(shipment: Shipment, given: string | undefined): 'ok' | 'missing' | 'wrong' | 'locked' {
  if (shipment.deliveryCode === null) return 'ok';
  if (shipment.codeAttempts >= MAX_CODE_ATTEMPTS) return 'locked';
  if (!given) return 'missing';
  return given.trim() === shipment.deliveryCode ? 'ok' : 'wrong';
}

/**
 * Whether a failed attempt ends the delivery: the customer refused the parcel, or the attempts are
 * used up. The parcel then goes back to the warehouse at once, without waiting for an operator.
 */
export function failureSendsBack(shipment: Shipment, input: { refused: boolean; maxAttempts: number }): boolean {
  return shipment.status === 'failed' && (input.refused || shipment.failures >= input.maxAttempts);
}

/** The calendar day (UTC) of an instant, as delivery days are written. */
export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);
