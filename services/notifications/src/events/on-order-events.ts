import { ORDER_EVENTS, type OrderStatusName } from '@bazar/contracts/events/orders';
import { type EventHandler, onEvent } from '@bazar/kit/events/inbox';
import type { NotificationsContext } from '../app/context.ts';
import { queueNotice } from '../app/queue-notice.ts';
import { rememberContact } from '../app/remember-contact.ts';
import type { TemplateName } from '../domain/notice.ts';

/** Order statuses the customer hears about (`shipped` is told by the shipment's pickup, which knows the tracking number). */
const TOLD: Partial<Record<OrderStatusName, TemplateName>> = {
  paid: 'order.paid',
  delivered: 'order.delivered',
  cancelled: 'order.cancelled',
  refunded: 'order.refunded',
};

/** Every order event refreshes the customer's delivery phone; some also tell the customer. */
export function orderHandlers(ctx: NotificationsContext): EventHandler[] {
  return (Object.keys(ORDER_EVENTS) as OrderStatusName[]).map((status) =>
    onEvent(ORDER_EVENTS[status], async (txc, { id, data }) => {
      await rememberContact(ctx, txc.tx, { userId: data.customerId, phone: data.delivery.phone });
      const template = TOLD[status];
      if (!template) return;
      await queueNotice(ctx, txc, id, {
        userId: data.customerId,
        template,
        phone: data.delivery.phone,
        facts: { number: data.number, total: data.total, reason: data.note },
      });
    }),
  );
}
