import { fileURLToPath } from 'node:url';
import { ProductUpdated, VariantCreated } from '@bazar/contracts/events/catalog';
import { OrderAllocated } from '@bazar/contracts/events/inventory';
import { OrderCancelled, OrderPaid, ServiceRequestClosed } from '@bazar/contracts/events/orders';
import { defineService, type ServiceDeps } from '@bazar/kit/service';
import type { FulfilmentContext } from './app/context.ts';
import { inbox, outbox } from './db/schema.ts';
import { writtenTasks } from './db/written-tasks.ts';
import { fulfilmentHandlers } from './events/handlers.ts';
import { internalRoutes } from './http/internal-routes.ts';
import { fulfilmentRoutes } from './http/routes.ts';

function buildContext(deps: ServiceDeps): FulfilmentContext {
  return { deps, written: writtenTasks() };
}

/** Fulfilment: picking tasks per paid order and warehouse, scans, shortages, packing and the controller's check. */
export default defineService({
  name: 'fulfilment',
  migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
  tables: { outbox, inbox },
  context: buildContext,
  routes(app, ctx) {
    fulfilmentRoutes(app, ctx);
    internalRoutes(app, ctx);
  },
  subscribes: [OrderPaid, OrderAllocated, OrderCancelled, ServiceRequestClosed, VariantCreated, ProductUpdated],
  handlers: (ctx) => fulfilmentHandlers(ctx),
});
