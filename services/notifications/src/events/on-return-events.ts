import { RETURN_EVENTS, type ReturnStatusName } from '@bazar/contracts/events/returns';
import { type EventHandler, onEvent } from '@bazar/kit/events/inbox';
import type { NotificationsContext } from '../app/context.ts';
import { queueNotice } from '../app/queue-notice.ts';
import type { TemplateName } from '../domain/notice.ts';

const TOLD: [ReturnStatusName, TemplateName][] = [
  ['approved', 'return.approved'],
  ['rejected', 'return.rejected'],
  ['received', 'return.received'],
];

/** The customer hears how their return was decided and when the refund went out. */
export function returnHandlers(ctx: NotificationsContext): EventHandler[] {
  return TOLD.map(([status, template]) =>
    onEvent(RETURN_EVENTS[status], async (txc, { id, data }) => {
      await queueNotice(ctx, txc, id, {
        userId: data.customerId,
        template,
        phone: null,
        facts: { number: data.orderNumber, total: data.refund, reason: data.reason },
      });
    }),
  );
}
