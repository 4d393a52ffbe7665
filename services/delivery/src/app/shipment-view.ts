import type { Shipment } from '../domain/shipment.ts';

/** The shipment as staff and its courier see it (with the address and phone they need at the door). */
export const shipmentView = (s: Shipment) => ({
  id: s.id,
  orderId: s.orderId,
  orderNumber: s.orderNumber,
  trackingNumber: s.trackingNumber,
  status: s.status,
  courierId: s.courierId,
  city: s.city,
  address: s.address,
  phone: s.phone,
  deliveryDate: s.deliveryDate,
  slot: s.slot ? { from: s.slot.from, to: s.slot.to } : null,
  routePosition: s.routePosition,
  eta: s.eta?.toISOString() ?? null,
  failures: s.failures,
  createdAt: s.createdAt.toISOString(),
});
export type ShipmentView = ReturnType<typeof shipmentView>;
