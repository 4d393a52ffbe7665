import { fileURLToPath } from 'node:url';
import { ShipmentDelivered } from '@bazar/contracts/events/delivery';
import { PickingTaskCompleted } from '@bazar/contracts/events/fulfilment';
import { ORDER_EVENTS, ServiceRequestCompleted } from '@bazar/contracts/events/orders';
import { PaymentRefunded } from '@bazar/contracts/events/payments';
import type { Database } from '@bazar/kit/db/database';
import { systemClock, uuidv7Ids } from '@bazar/kit/ids';
import { defineService, type ServiceDeps } from '@bazar/kit/service';
import type { AnalyticsContext } from './app/context.ts';
import { rebuildRollups } from './app/rebuild-rollups.ts';
import { sourcesOf } from './app/sources.ts';
import { readAnalyticsConfig } from './config.ts';
import { inbox, outbox } from './db/schema.ts';
import { foldHandlers } from './events/handlers.ts';
import { paymentRefundedSource } from './events/on-payment-refunded.ts';
import { pickingTaskCompletedSource } from './events/on-picking-task-completed.ts';
import { serviceJobSource, serviceRequestCompletedSource } from './events/on-service-request-completed.ts';
import { shipmentDeliveredSource } from './events/on-shipment-delivered.ts';
import { orderSources } from './events/order-sources.ts';
import { adminRoutes } from './http/admin-routes.ts';
import { analyticsRoutes } from './http/routes.ts';

/** Every event analytics folds; a new source is one file in events/ and a line here. */
const allSources = () =>
  sourcesOf(
    [...orderSources(), paymentRefundedSource(), serviceRequestCompletedSource()],
    [pickingTaskCompletedSource(), shipmentDeliveredSource(), serviceJobSource()],
  );

function buildContext(deps: ServiceDeps): AnalyticsContext {
  return { deps, config: readAnalyticsConfig(deps.env), sources: allSources() };
}

/** Analytics: rollups folded from order, payment and service-request events (its own read models), summaries, CSV export and the jobs view. */
export default defineService({
  name: 'analytics',
  migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
  tables: { outbox, inbox },
  context: buildContext,
  subscribes: [...Object.values(ORDER_EVENTS), PaymentRefunded, PickingTaskCompleted, ShipmentDelivered, ServiceRequestCompleted],
  routes(app, ctx) {
    analyticsRoutes(app, ctx);
    adminRoutes(app, ctx);
  },
  handlers: (ctx) => foldHandlers(ctx),
});

/** `bazar analytics rebuild`: replays the archive into fresh rollups, with the service's schema migrated first. */
export function rebuildAnalytics(database: Database, env: Record<string, string | undefined> = process.env) {
  return rebuildRollups({ db: database.db, clock: systemClock, ids: uuidv7Ids, config: readAnalyticsConfig(env), sources: allSources() });
}
