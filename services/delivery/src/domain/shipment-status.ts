import type { ShipmentStatusName } from '@bazar/contracts/events/delivery';
import { defineMachine } from '@bazar/kit/machine';

export type ShipmentStatus = ShipmentStatusName;

/**
 * THE shipment lifecycle as one table. `assigned → assigned` is a hand-over to another courier;
 * `failed → assigned` is the operator's retry (another day or courier); `failed → returned` takes
 * the parcel back to the warehouse. Only a shipment still in the warehouse can be cancelled.
 */
export const shipmentMachine = defineMachine<ShipmentStatus>(
  {
    ready: ['assigned', 'cancelled'],
    assigned: ['assigned', 'picked_up', 'cancelled'],
    picked_up: ['in_transit', 'delivered', 'failed'],
    in_transit: ['delivered', 'failed'],
    failed: ['assigned', 'returned'],
    delivered: [],
    returned: [],
    cancelled: [],
  },
  'delivery.illegal_transition',
);

/** Statuses in which a shipment still occupies its courier (counted for load, routed for the day). */
export const OPEN_STATUSES: readonly ShipmentStatus[] = ['assigned', 'picked_up', 'in_transit'];

/** The statuses a courier may report (CONTRACT: `POST /shipments/{id}/events`). */
export const COURIER_REPORTS = ['picked_up', 'in_transit', 'delivered', 'failed'] as const;
export type CourierReport = (typeof COURIER_REPORTS)[number];
