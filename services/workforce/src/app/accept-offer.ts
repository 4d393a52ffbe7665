import { closeOffer, setRequest } from '../db/request-repo.ts';
import { releaseOffer } from '../db/worker-repo.ts';
import { NotYourOffer, OfferGone } from '../domain/workforce.errors.ts';
import { offerAccepted } from '../events/outbound.ts';
import { lockOfferFor } from './answer-offer.ts';
import type { WorkforceContext } from './context.ts';

/**
 * The offered worker takes the request: exactly one acceptance wins, under the request's lock.
 * A repeat by the worker who already won answers the same (service calls are retried).
 */
export async function acceptOffer(ctx: WorkforceContext, input: { requestId: string; workerId: string }) {
  return ctx.deps.uow(async (txc) => {
    const { request, offer } = await lockOfferFor(ctx, txc, input);
    if (!offer) {
      if (request.status === 'assigned' && request.workerId === input.workerId)
        return { requestId: input.requestId, workerId: input.workerId, status: 'accepted' as const };
      if (request.status === 'assigned') throw NotYourOffer(input.requestId);
      throw OfferGone(input.requestId);
    }
    const now = ctx.deps.clock.now();
    await closeOffer(txc.tx, offer.id, 'accepted', now);
    await releaseOffer(txc.tx, offer.workerId, request.requestId, now, true);
    await setRequest(txc.tx, request.requestId, { status: 'assigned', workerId: offer.workerId }, now);
    await txc.publish(offerAccepted(request.requestId, offer.workerId));
    return { requestId: request.requestId, workerId: offer.workerId, status: 'accepted' as const };
  });
}
