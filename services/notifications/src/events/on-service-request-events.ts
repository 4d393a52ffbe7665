import { ServiceRequestClosed, ServiceRequestCompleted } from '@bazar/contracts/events/orders';
import { type EventHandler, onEvent } from '@bazar/kit/events/inbox';
import type { NotificationsContext } from '../app/context.ts';
import { queueNotice } from '../app/queue-notice.ts';

/** The customer gets the worker's report with the amount and receipt, and hears when nobody could be found. */
export function serviceRequestHandlers(ctx: NotificationsContext): EventHandler[] {
  return [
    onEvent(ServiceRequestCompleted, async (txc, { id, data }) => {
      await queueNotice(ctx, txc, id, {
        userId: data.customerId,
        template: 'service_request.completed',
        phone: null,
        facts: {
          number: data.number,
          total: data.amount,
          service: data.typeName,
          summary: data.summary,
          hours: data.hoursSpent,
          materials: data.materials,
          receipt: data.receiptNumber,
        },
      });
    }),
    onEvent(ServiceRequestClosed, async (txc, { id, data }) => {
      if (data.status !== 'unmatched' || !data.customerId) return;
      await queueNotice(ctx, txc, id, {
        userId: data.customerId,
        template: 'service_request.unmatched',
        phone: null,
        facts: { ...(data.number ? { number: data.number } : {}) },
      });
    }),
  ];
}
