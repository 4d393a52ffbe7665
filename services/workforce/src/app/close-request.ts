import type { ServiceRequestClosed } from '@bazar/contracts/events/orders';
import type { TxContext } from '@bazar/kit/events/outbox';
import type { Static } from 'typebox';
import { closeOffer, lockRequest, openOfferOf, setRequest } from '../db/request-repo.ts';
import { finishJob, releaseOffer } from '../db/worker-repo.ts';
import type { WorkforceContext } from './context.ts';

/** A request ended in orders: an assigned worker has one open job fewer; a pending offer is withdrawn. */
export async function closeRequest(ctx: WorkforceContext, { tx }: TxContext, closed: Static<typeof ServiceRequestClosed.schema>) {
  const request = await lockRequest(tx, closed.requestId);
  if (!request || request.status === 'closed') return;
  const now = ctx.deps.clock.now();
  const offer = await openOfferOf(tx, closed.requestId);
  if (offer) {
    await closeOffer(tx, offer.id, 'withdrawn', now);
    await releaseOffer(tx, offer.workerId, closed.requestId, now, false);
  }
  if (request.status === 'assigned' && request.workerId) await finishJob(tx, request.workerId, now);
  await setRequest(tx, closed.requestId, { status: 'closed' }, now);
}
