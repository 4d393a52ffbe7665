import { expectOk, type ServiceTransport } from '@bazar/kit/clients';

/**
 * Workforce's internal API for orders' public accept/decline routes. The worker is the caller's
 * user id. Workforce decides atomically: one acceptance wins; 403 `workforce.not_your_offer` when
 * it is offered to someone else; 409 `workforce.offer_gone` when no offer is open. A repeated
 * accept by the winner answers 200 the same, so the call may be retried.
 * - `POST /internal/v1/workforce/offers/{requestId}/accept` `{workerId}` → 200 `{requestId, workerId, status: "accepted"}`
 * - `POST /internal/v1/workforce/offers/{requestId}/decline` `{workerId}` → 200 `{requestId, workerId, status: "declined", nextWorkerOffered}`
 */
export function workforceClient(transport: ServiceTransport) {
  return {
    async accept(requestId: string, workerId: string): Promise<{ requestId: string; workerId: string; status: 'accepted' }> {
      return expectOk(
        await transport.call({ method: 'POST', path: `/internal/v1/workforce/offers/${requestId}/accept`, body: { workerId } }),
      );
    },
    async decline(
      requestId: string,
      workerId: string,
    ): Promise<{ requestId: string; workerId: string; status: 'declined'; nextWorkerOffered: boolean }> {
      return expectOk(
        await transport.call({ method: 'POST', path: `/internal/v1/workforce/offers/${requestId}/decline`, body: { workerId } }),
      );
    },
  };
}
export type WorkforceClient = ReturnType<typeof workforceClient>;
