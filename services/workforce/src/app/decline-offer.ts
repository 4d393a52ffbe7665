import { closeOffer, setRequest } from '../db/request-repo.ts';
import { releaseOffer } from '../db/worker-repo.ts';
import { appendTried } from '../domain/matching.ts';
import { OfferGone } from '../domain/workforce.errors.ts';
import { lockOfferFor } from './answer-offer.ts';
import type { WorkforceContext } from './context.ts';
import { offerNext } from './offer-next.ts';

/** The offered worker says no: the request goes to the next worker in the same transaction. */
export async function declineOffer(ctx: WorkforceContext, input: { requestId: string; workerId: string }) {
  return ctx.deps.uow(async (txc) => {
    const { request, offer } = await lockOfferFor(ctx, txc, input);
    if (!offer) throw OfferGone(input.requestId);
    const now = ctx.deps.clock.now();
    await closeOffer(txc.tx, offer.id, 'declined', now);
    await releaseOffer(txc.tx, offer.workerId, request.requestId, now, false);
    const tried = appendTried(request.tried, offer.workerId);
    await setRequest(txc.tx, request.requestId, { status: 'matching', tried }, now);
    const next = await offerNext(ctx, txc, { ...request, status: 'matching', tried });
    return { requestId: request.requestId, workerId: offer.workerId, status: 'declined' as const, nextWorkerOffered: next !== null };
  });
}
