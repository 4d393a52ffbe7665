import type { TxContext } from '@bazar/kit/events/outbox';
import { insertOffer, type RequestRow, setRequest } from '../db/request-repo.ts';
import { anyoneLeft, holdOfferForBest } from '../db/worker-repo.ts';
import { offerExpiry, whenNobodyFree } from '../domain/matching.ts';
import { offerMade, requestUnmatched } from '../events/outbound.ts';
import type { WorkforceContext } from './context.ts';

/**
 * Offers a request (locked by the caller, status `matching`) to the best free worker, or marks it
 * unmatched when nobody is left by its time; otherwise it waits for the sweep to try again.
 */
export async function offerNext(ctx: WorkforceContext, { tx, publish }: TxContext, request: RequestRow): Promise<string | null> {
  const now = ctx.deps.clock.now();
  if (now < request.scheduledAt) {
    const workerId = await holdOfferForBest(tx, request, now);
    if (workerId) {
      const expiresAt = offerExpiry(now, ctx.config.MATCH_OFFER_SECONDS, request.scheduledAt);
      await insertOffer(tx, {
        id: ctx.deps.ids.next(),
        requestId: request.requestId,
        workerId,
        madeAt: now,
        expiresAt,
        status: 'open',
        answeredAt: null,
      });
      await setRequest(tx, request.requestId, { status: 'offered' }, now);
      await publish(offerMade(request.requestId, workerId, expiresAt));
      return workerId;
    }
  }
  const left = now < request.scheduledAt && (await anyoneLeft(tx, request));
  if (whenNobodyFree({ now, scheduledAt: request.scheduledAt, anyoneLeft: left }) === 'unmatched') {
    await setRequest(tx, request.requestId, { status: 'unmatched' }, now);
    await publish(requestUnmatched(request.requestId));
  } else {
    await setRequest(tx, request.requestId, { status: 'matching' }, now);
  }
  return null;
}
