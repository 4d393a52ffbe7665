import { expectOk, type ServiceTransport } from '@bazar/kit/clients';

/** Workforce's answer to an accept or a decline. */
export interface OfferDecision {
  requestId: string;
  workerId: string;
  status: 'accepted' | 'declined';
}

/**
 * Workforce's internal offer API, called by orders for the public accept/decline routes; workforce
 * decides atomically (one winner):
 * - `POST /internal/v1/workforce/offers/{requestId}/accept` `{workerId}` → 200 OfferDecision (and
 *   `workforce.offer.accepted`); not this worker's offer → 403; the offer is gone → 409.
 * - `POST /internal/v1/workforce/offers/{requestId}/decline` `{workerId}` → 200 OfferDecision (matching
 *   offers the request to the next worker); same refusals.
 */
export function workforceOffersClient(transport: ServiceTransport) {
  const decide = async (requestId: string, workerId: string, decision: 'accept' | 'decline'): Promise<OfferDecision> =>
    expectOk(await transport.call({ method: 'POST', path: `/internal/v1/workforce/offers/${requestId}/${decision}`, body: { workerId } }));
  return {
    accept: (requestId: string, workerId: string) => decide(requestId, workerId, 'accept'),
    decline: (requestId: string, workerId: string) => decide(requestId, workerId, 'decline'),
  };
}
export type WorkforceOffersClient = ReturnType<typeof workforceOffersClient>;
