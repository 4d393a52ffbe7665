import { OrderCancelled, OrderPacked } from '@bazar/contracts/events/orders';
import { type EventHandler, onEvent } from '@bazar/kit/events/inbox';
import { cancelShipmentOfOrder } from '../app/cancel-shipment.ts';
import type { DeliveryContext } from '../app/context.ts';
import { openShipment } from '../app/open-shipment.ts';
import { releaseBookings } from '../db/slot-repo.ts';

/** Delivery follows orders: a packed order gets a shipment, a cancelled one leaves the route. */
export function orderHandlers(ctx: DeliveryContext): EventHandler[] {
  return [
    onEvent(OrderPacked, async (txc, { data }) => {
      await openShipment(ctx, txc, {
        orderId: data.orderId,
        orderNumber: data.number,
        customerId: data.customerId,
        phone: data.delivery.phone,
        address: data.delivery.address,
        ...(data.delivery.slot ? { slot: data.delivery.slot } : {}),
      });
    }),
    onEvent(OrderCancelled, async (txc, { data }) => {
      await cancelShipmentOfOrder(ctx, txc, { orderId: data.orderId, note: data.note });
      // The place in the chosen window goes back to other customers.
      if (data.delivery.slot) await releaseBookings(txc.tx, [data.delivery.slot.bookingId]);
    }),
  ];
}
