import { ShipmentFailed, ShipmentPickedUp } from '@bazar/contracts/events/delivery';
import { type EventHandler, onEvent } from '@bazar/kit/events/inbox';
import type { NotificationsContext } from '../app/context.ts';
import { queueNotice } from '../app/queue-notice.ts';

/** A courier took the parcel ("передан курьеру", with tracking) or could not deliver it. */
export function shipmentHandlers(ctx: NotificationsContext): EventHandler[] {
  return [
    onEvent(ShipmentPickedUp, async (txc, { id, data }) => {
      await queueNotice(ctx, txc, id, {
        userId: data.customerId,
        template: 'shipment.picked_up',
        phone: null,
        facts: {
          number: data.orderNumber,
          trackingNumber: data.trackingNumber,
          eta: data.eta,
          ...(data.deliveryCode ? { deliveryCode: data.deliveryCode } : {}),
        },
      });
    }),
    onEvent(ShipmentFailed, async (txc, { id, data }) => {
      await queueNotice(ctx, txc, id, {
        userId: data.customerId,
        template: 'shipment.failed',
        phone: null,
        facts: { number: data.orderNumber, reason: data.note },
      });
    }),
  ];
}
