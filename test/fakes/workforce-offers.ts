import { fileURLToPath } from 'node:url';
import { OfferAccepted, OfferMade, RequestUnmatched } from '@bazar/contracts/events/workforce';
import { inboxTable, outboxTable } from '@bazar/kit/db/platform-tables';
import { DomainError } from '@bazar/kit/errors';
import type { OutgoingEvent } from '@bazar/kit/events/event';
import { defineService, type ServiceDeps } from '@bazar/kit/service';
import { pgSchema } from 'drizzle-orm/pg-core';

const schema = pgSchema('workforce_fake');

/**
 * A stand-in for workforce's offer side, speaking its internal route and events (contracts
 * clients/workforce-offers.ts): the test says whom a request is offered to; accept decides one
 * winner synchronously (403 not your offer, 409 gone) and publishes `workforce.offer.accepted`.
 */
export function workforceOffersFake() {
  const offers = new Map<string, { workerId: string; status: 'open' | 'accepted' | 'declined' }>();
  let deps: ServiceDeps | undefined;
  const publish = async (event: OutgoingEvent) => {
    if (!deps) throw new Error('fake workforce not started');
    await deps.uow(async ({ publish: write }) => write(event));
  };
  const service = defineService({
    name: 'workforce_fake',
    migrationsFolder: fileURLToPath(new URL('./workforce-migrations', import.meta.url)),
    tables: { outbox: outboxTable(schema), inbox: inboxTable(schema) },
    routes(app, d) {
      deps = d;
      for (const decision of ['accept', 'decline'] as const) {
        app.post(
          `/internal/v1/workforce/offers/:requestId/${decision}`,
          { preHandler: d.internal, schema: { hide: true } },
          async (req) => {
            const { requestId } = req.params as { requestId: string };
            const { workerId } = req.body as { workerId: string };
            const offer = offers.get(requestId);
            if (offer?.status !== 'open') throw new DomainError('workforce.offer_gone', 409, 'The offer is gone');
            if (offer.workerId !== workerId) throw new DomainError('workforce.not_your_offer', 403, 'This offer is not yours');
            offer.status = decision === 'accept' ? 'accepted' : 'declined';
            if (decision === 'accept') await publish(OfferAccepted.make({ requestId, workerId }));
            return { requestId, workerId, status: offer.status };
          },
        );
      }
    },
  });
  return {
    service,
    /** Matching offers the request to this worker (and tells orders). */
    async offer(requestId: string, workerId: string) {
      offers.set(requestId, { workerId, status: 'open' });
      await publish(OfferMade.make({ requestId, workerId, expiresAt: new Date(Date.now() + 60_000).toISOString() }));
    },
    async unmatched(requestId: string) {
      offers.delete(requestId);
      await publish(RequestUnmatched.make({ requestId }));
    },
  };
}
