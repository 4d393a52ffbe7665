import { PickingTaskCompleted } from '@bazar/contracts/events/fulfilment';
import { OfferAccepted, OfferMade, RequestUnmatched } from '@bazar/contracts/events/workforce';
import { type EventHandler, onEvent } from '@bazar/kit/events/inbox';
import type { OrdersContext } from '../app/context.ts';
import { markKitPicked, markUnmatched, noteOffer } from '../app/service-requests/follow-matching.ts';
import { markAssigned } from '../app/service-requests/mark-assigned.ts';
import { findServiceRequest } from '../db/service-request-repo.ts';

/** Service requests follow matching (offers, acceptance, nobody found) and the picking of their kits. */
export function serviceRequestHandlers(ctx: OrdersContext): EventHandler[] {
  return [
    onEvent(OfferMade, (txc, e) => noteOffer(ctx, txc, e.data)),
    onEvent(OfferAccepted, async (txc, e) => {
      // Usually a no-op: the accept route marked it assigned on workforce's 200 already.
      if (await findServiceRequest(txc.tx, e.data.requestId)) await markAssigned(ctx, txc, e.data);
    }),
    onEvent(RequestUnmatched, (txc, e) => markUnmatched(ctx, txc, e.data.requestId)),
    onEvent(
      PickingTaskCompleted,
      async (txc, e) => {
        if (e.data.kind === 'kit') await markKitPicked(ctx, txc, { requestId: e.data.orderId, taskId: e.data.taskId });
      },
      { name: 'on.picking_task.completed.kit' },
    ),
  ];
}
