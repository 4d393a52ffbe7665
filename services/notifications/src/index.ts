import { fileURLToPath } from 'node:url';
import { ShipmentFailed, ShipmentPickedUp } from '@bazar/contracts/events/delivery';
import { UserRegistered } from '@bazar/contracts/events/identity';
import { ORDER_EVENTS } from '@bazar/contracts/events/orders';
import { ReturnApproved, ReturnReceived, ReturnRejected } from '@bazar/contracts/events/returns';
import { defineService, type ServiceDeps } from '@bazar/kit/service';
import type { NotificationsContext } from './app/context.ts';
import { readNotificationsConfig } from './config.ts';
import { inbox, outbox } from './db/schema.ts';
import { identityHandlers } from './events/on-identity-events.ts';
import { orderHandlers } from './events/on-order-events.ts';
import { returnHandlers } from './events/on-return-events.ts';
import { shipmentHandlers } from './events/on-shipment-events.ts';
import { gatewaysFrom } from './gateways/gateways.ts';
import { notificationRoutes } from './http/routes.ts';
import { notificationJobs } from './jobs/notification-jobs.ts';

const contexts = new WeakMap<ServiceDeps, NotificationsContext>();

function contextOf(deps: ServiceDeps): NotificationsContext {
  let ctx = contexts.get(deps);
  if (!ctx) {
    const config = readNotificationsConfig(deps.env);
    ctx = { deps, config, gateways: gatewaysFrom(config) };
    contexts.set(deps, ctx);
  }
  return ctx;
}

/** Notifications: SMS and e-mail to customers from order, delivery and identity events, per their preferences. */
export default defineService({
  name: 'notifications',
  migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
  tables: { outbox, inbox },
  routes: (app, deps) => notificationRoutes(app, contextOf(deps)),
  subscribes: [
    UserRegistered,
    ...Object.values(ORDER_EVENTS),
    ShipmentPickedUp,
    ShipmentFailed,
    ReturnApproved,
    ReturnRejected,
    ReturnReceived,
  ],
  handlers: (deps) => {
    const ctx = contextOf(deps);
    return [...identityHandlers(ctx), ...orderHandlers(ctx), ...shipmentHandlers(ctx), ...returnHandlers(ctx)];
  },
  jobs: (deps) => notificationJobs(contextOf(deps)),
  async stop(deps) {
    for (const gateway of Object.values(contextOf(deps).gateways)) gateway.close?.();
  },
});
