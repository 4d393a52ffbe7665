import { fileURLToPath } from 'node:url';
import { UserRegistered, UserRolesChanged } from '@bazar/contracts/events/identity';
import { OrderCancelled, OrderPacked } from '@bazar/contracts/events/orders';
import { defineService, type ServiceDeps } from '@bazar/kit/service';
import type { DeliveryContext } from './app/context.ts';
import { seedDemoZones } from './app/seed-demo-zones.ts';
import { readDeliveryConfig } from './config.ts';
import { inbox, outbox } from './db/schema.ts';
import { identityHandlers } from './events/on-identity-events.ts';
import { orderHandlers } from './events/on-order-events.ts';
import { deliveryRoutes } from './http/routes.ts';
import { slotRoutes } from './http/slot-routes.ts';

function buildContext(deps: ServiceDeps): DeliveryContext {
  return { deps, config: readDeliveryConfig(deps.env) };
}

/** Delivery: shipments of packed orders, couriers and their routes, public tracking. */
export default defineService({
  name: 'delivery',
  migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
  tables: { outbox, inbox },
  context: buildContext,
  routes: (app, ctx) => {
    deliveryRoutes(app, ctx);
    slotRoutes(app, ctx);
  },
  subscribes: [OrderPacked, OrderCancelled, UserRegistered, UserRolesChanged],
  handlers: (ctx) => [...orderHandlers(ctx), ...identityHandlers(ctx)],
  async seedDemo(ctx) {
    await seedDemoZones(ctx);
    return undefined;
  },
});
