import { SHIPMENT_EVENTS } from '@bazar/contracts/events/delivery';
import type { OutgoingEvent } from '@bazar/kit/events/event';
import type { Shipment, ShipmentChange } from '../domain/shipment.ts';

/** The ONLY mapping from a shipment's step to the integration event `shipment.<status>.v1` (no address or phone). */
export function toIntegration(shipment: Shipment, change: ShipmentChange): OutgoingEvent {
  return SHIPMENT_EVENTS[change.to].make({
    shipmentId: shipment.id,
    orderId: shipment.orderId,
    orderNumber: shipment.orderNumber,
    customerId: shipment.customerId,
    trackingNumber: shipment.trackingNumber,
    status: change.to,
    previousStatus: change.from,
    courierId: shipment.courierId,
    city: shipment.city,
    deliveryDate: shipment.deliveryDate,
    eta: shipment.eta?.toISOString() ?? null,
    note: change.note,
    ...(change.to === 'picked_up' && shipment.deliveryCode ? { deliveryCode: shipment.deliveryCode } : {}),
    at: change.at.toISOString(),
  });
}
