import { fileURLToPath } from 'node:url';
import { defineService, type ServiceDeps } from '@bazar/kit/service';
import type { AnalyticsContext } from './app/context.ts';
import { sourcesOf } from './app/sources.ts';
import { readAnalyticsConfig } from './config.ts';
import { inbox, outbox } from './db/schema.ts';
import { foldHandlers } from './events/handlers.ts';
import { paymentRefundedSource } from './events/on-payment-refunded.ts';
import { orderSources } from './events/order-sources.ts';
import { adminRoutes } from './http/admin-routes.ts';
import { analyticsRoutes } from './http/routes.ts';

const contexts = new WeakMap<ServiceDeps, AnalyticsContext>();

function contextOf(deps: ServiceDeps): AnalyticsContext {
  let ctx = contexts.get(deps);
  if (!ctx) {
    ctx = { deps, config: readAnalyticsConfig(deps.env), sources: sourcesOf([...orderSources(), paymentRefundedSource()], []) };
    contexts.set(deps, ctx);
  }
  return ctx;
}

/** Analytics: rollups folded from order and payment events (its own read models), summaries, CSV export and the jobs view. */
export default defineService({
  name: 'analytics',
  migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
  tables: { outbox, inbox },
  routes(app, deps) {
    analyticsRoutes(app, contextOf(deps));
    adminRoutes(app, contextOf(deps));
  },
  handlers: (deps) => foldHandlers(contextOf(deps)),
});

export { contextOf as analyticsContext };
