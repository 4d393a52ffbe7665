import { fileURLToPath } from 'node:url';
import { UserRegistered } from '@bazar/contracts/events/identity';
import { ServiceRequestBooked, ServiceRequestClosed, ServiceRequestRated } from '@bazar/contracts/events/orders';
import { defineService, type ServiceDeps } from '@bazar/kit/service';
import type { WorkforceContext } from './app/context.ts';
import { seedDemo } from './app/seed-demo.ts';
import { readWorkforceConfig } from './config.ts';
import { inbox, outbox } from './db/schema.ts';
import { serviceRequestHandlers } from './events/on-service-request.ts';
import { userRegisteredHandler } from './events/on-user-registered.ts';
import { workforceRoutes } from './http/routes.ts';
import { sweepOffersJob } from './jobs/sweep-offers.ts';

function buildContext(deps: ServiceDeps): WorkforceContext {
  return { deps, config: readWorkforceConfig(deps.env) };
}

/** Workforce: qualification tests, worker profiles and the matching of service requests to workers. */
export default defineService({
  name: 'workforce',
  migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
  tables: { outbox, inbox },
  context: buildContext,
  subscribes: [UserRegistered, ServiceRequestBooked, ServiceRequestClosed, ServiceRequestRated],
  routes: (app, ctx) => workforceRoutes(app, ctx),
  handlers: (ctx) => [userRegisteredHandler(ctx), ...serviceRequestHandlers(ctx)],
  jobs: (ctx) => [sweepOffersJob(ctx)],
  async seedDemo(ctx) {
    return { notices: await seedDemo(ctx) };
  },
});

export { SWEEP_OFFERS_QUEUE } from './jobs/sweep-offers.ts';
