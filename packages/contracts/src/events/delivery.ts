import { defineEvent } from '@bazar/kit/events/event';
import { Type } from 'typebox';
import { NullableString, Timestamp, Uuid } from '../common.ts';

export const SHIPMENT_STATUSES = ['ready', 'assigned', 'picked_up', 'in_transit', 'delivered', 'failed', 'returned', 'cancelled'] as const;
export type ShipmentStatusName = (typeof SHIPMENT_STATUSES)[number];

/**
 * What every `shipment.<status>.v1` carries: ids, the tracking number and where it stands, never the
 * customer's name, phone or address (notifications keeps those from the order's events).
 */
export const ShipmentSnapshot = Type.Object({
  shipmentId: Uuid,
  orderId: Uuid,
  orderNumber: Type.String(),
  customerId: Uuid,
  trackingNumber: Type.String(),
  status: Type.String(),
  previousStatus: Type.Union([Type.String(), Type.Null()]),
  courierId: Type.Union([Uuid, Type.Null()]),
  city: Type.String(),
  deliveryDate: Type.String({ format: 'date' }),
  eta: Type.Union([Timestamp, Type.Null()]),
  /** The courier's or operator's note; for `failed`, the reason. */
  note: NullableString(),
  /** Only on `picked_up`: the proof-of-delivery code the customer is texted and gives the courier at the door. */
  deliveryCode: Type.Optional(Type.String()),
  at: Timestamp,
});

const shipmentEvent = (status: ShipmentStatusName) => defineEvent(`shipment.${status}`, 1, ShipmentSnapshot);

export const ShipmentReady = shipmentEvent('ready');
export const ShipmentAssigned = shipmentEvent('assigned');
export const ShipmentPickedUp = shipmentEvent('picked_up');
export const ShipmentInTransit = shipmentEvent('in_transit');
export const ShipmentDelivered = shipmentEvent('delivered');
export const ShipmentFailed = shipmentEvent('failed');
export const ShipmentReturned = shipmentEvent('returned');
export const ShipmentCancelled = shipmentEvent('cancelled');

/** The event for a status, so delivery maps every move in one place. */
export const SHIPMENT_EVENTS = {
  ready: ShipmentReady,
  assigned: ShipmentAssigned,
  picked_up: ShipmentPickedUp,
  in_transit: ShipmentInTransit,
  delivered: ShipmentDelivered,
  failed: ShipmentFailed,
  returned: ShipmentReturned,
  cancelled: ShipmentCancelled,
} as const;
