import type { TxContext } from '@bazar/kit/events/outbox';
import { lockRequest, type OfferRow, openOfferOf, type RequestRow } from '../db/request-repo.ts';
import { NotYourOffer, OfferGone } from '../domain/workforce.errors.ts';
import type { WorkforceContext } from './context.ts';

/**
 * Finds the open offer of a request for the worker answering it, under the request's lock:
 * 403 when it is offered to someone else, 409 when there is none (answered, lapsed, withdrawn).
 */
export async function lockOfferFor(
  ctx: WorkforceContext,
  { tx }: TxContext,
  input: { requestId: string; workerId: string },
): Promise<{ request: RequestRow; offer: OfferRow | undefined }> {
  const request = await lockRequest(tx, input.requestId);
  if (!request) throw OfferGone(input.requestId);
  const offer = await openOfferOf(tx, input.requestId);
  if (offer && offer.workerId !== input.workerId) throw NotYourOffer(input.requestId);
  if (offer && offer.expiresAt <= ctx.deps.clock.now()) {
    // Lapsed but not yet swept: the answer came too late.
    throw OfferGone(input.requestId);
  }
  return { request, offer };
}
