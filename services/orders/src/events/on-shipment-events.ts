import { SHIPMENT_EVENTS } from '@bazar/contracts/events/delivery';
import { type EventHandler, onEvent } from '@bazar/kit/events/inbox';
import type { OrdersContext } from '../app/context.ts';
import { followShipment } from '../app/follow-shipment.ts';

/** Every `shipment.<status>.v1` updates the order's shipment; picked up, delivered and returned also move the order. */
export function shipmentHandlers(ctx: OrdersContext): EventHandler[] {
  return Object.values(SHIPMENT_EVENTS).map((event) =>
    onEvent(event, async (txc, { data }) => {
      await followShipment(ctx, txc, {
        orderId: data.orderId,
        shipmentId: data.shipmentId,
        trackingNumber: data.trackingNumber,
        status: data.status,
        previousStatus: data.previousStatus,
        note: data.note,
        actorId: null,
        at: new Date(data.at),
      });
    }),
  );
}
