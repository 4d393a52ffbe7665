import { ServiceRequestBooked, ServiceRequestClosed, ServiceRequestRated } from '@bazar/contracts/events/orders';
import { type EventHandler, onEvent } from '@bazar/kit/events/inbox';
import { closeRequest } from '../app/close-request.ts';
import type { WorkforceContext } from '../app/context.ts';
import { rateWorker } from '../app/rate-worker.ts';
import { takeBooking } from '../app/take-booking.ts';

/** Orders' service request events: a booking starts matching, a close frees the worker, a rating counts. */
export const serviceRequestHandlers = (ctx: WorkforceContext): EventHandler[] => [
  onEvent(ServiceRequestBooked, async (txc, { data }) => {
    await takeBooking(ctx, txc, data);
  }),
  onEvent(ServiceRequestClosed, (txc, { data }) => closeRequest(ctx, txc, data)),
  onEvent(ServiceRequestRated, (txc, { data }) => rateWorker(ctx, txc, data)),
];
