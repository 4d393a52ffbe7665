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
  input: Omit<Shipment, 'status' | 'courierId' | 'routePosition' | 'eta' | 'failures' | 'createdAt' | 'city'>,
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
    createdAt: change.at,
  };
  return { shipment, change: toChange(shipment, null, 'ready', change) };
}

/** Moves a shipment along its table; a hand-over (`assign`) may also set the courier and the day. */
export function moveShipment(
  shipment: Shipment,
  to: ShipmentStatus,
  input: ChangeInput & { courierId?: string; deliveryDate?: string },
): { shipment: Shipment; change: ShipmentChange } {
  shipmentMachine.assert(shipment.status, to);
  const leavesRoute = to === 'delivered' || to === 'failed' || to === 'returned' || to === 'cancelled';
  const next: Shipment = {
    ...shipment,
    status: to,
    courierId: to === 'returned' || to === 'cancelled' ? shipment.courierId : (input.courierId ?? shipment.courierId),
    deliveryDate: input.deliveryDate ?? shipment.deliveryDate,
    failures: shipment.failures + (to === 'failed' ? 1 : 0),
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

/** The calendar day (UTC) of an instant, as delivery days are written. */
export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);
