import { closeOffer, lapsedOfferRequests, lockRequest, openOfferOf, setRequest, waitingRequests } from '../db/request-repo.ts';
import { releaseOffer } from '../db/worker-repo.ts';
import { appendTried } from '../domain/matching.ts';
import type { WorkforceContext } from './context.ts';
import { offerNext } from './offer-next.ts';

const BATCH = 100;

/**
 * Moves lapsed offers (no answer in MATCH_OFFER_SECONDS) to the next worker, and tries again the
 * requests that found nobody free; one transaction per request, so one failure stops nothing else.
 */
export async function sweepOffers(ctx: WorkforceContext): Promise<{ lapsed: number; retried: number }> {
  const now = ctx.deps.clock.now();
  const lapsed = await lapsedOfferRequests(ctx.deps.db, now, BATCH);
  for (const requestId of lapsed) {
    await ctx.deps.uow(async (txc) => {
      const request = await lockRequest(txc.tx, requestId);
      const offer = await openOfferOf(txc.tx, requestId);
      if (!request || !offer || offer.expiresAt > ctx.deps.clock.now()) return;
      const at = ctx.deps.clock.now();
      await closeOffer(txc.tx, offer.id, 'expired', at);
      await releaseOffer(txc.tx, offer.workerId, requestId, at, false);
      const tried = appendTried(request.tried, offer.workerId);
      await setRequest(txc.tx, requestId, { status: 'matching', tried }, at);
      await offerNext(ctx, txc, { ...request, status: 'matching', tried });
    });
  }
  const waiting = await waitingRequests(ctx.deps.db, BATCH);
  for (const requestId of waiting) {
    await ctx.deps.uow(async (txc) => {
      const request = await lockRequest(txc.tx, requestId);
      if (request?.status === 'matching') await offerNext(ctx, txc, request);
    });
  }
  return { lapsed: lapsed.length, retried: waiting.length };
}
