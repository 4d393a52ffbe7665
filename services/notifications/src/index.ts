import { fileURLToPath } from 'node:url';
import { ShipmentFailed, ShipmentPickedUp } from '@bazar/contracts/events/delivery';
import { PasswordResetRequested, UserRegistered } from '@bazar/contracts/events/identity';
import { ORDER_EVENTS, ServiceRequestClosed, ServiceRequestCompleted } from '@bazar/contracts/events/orders';
import { ReturnApproved, ReturnReceived, ReturnRejected } from '@bazar/contracts/events/returns';
import { defineService, type ServiceDeps } from '@bazar/kit/service';
import type { NotificationsContext } from './app/context.ts';
import { readNotificationsConfig } from './config.ts';
import { inbox, outbox } from './db/schema.ts';
import { identityHandlers } from './events/on-identity-events.ts';
import { orderHandlers } from './events/on-order-events.ts';
import { returnHandlers } from './events/on-return-events.ts';
import { serviceRequestHandlers } from './events/on-service-request-events.ts';
import { shipmentHandlers } from './events/on-shipment-events.ts';
import { gatewaysFrom } from './gateways/gateways.ts';
import { notificationRoutes } from './http/routes.ts';
import { notificationJobs } from './jobs/notification-jobs.ts';

function buildContext(deps: ServiceDeps): NotificationsContext {
  const config = readNotificationsConfig(deps.env);
  return { deps, config, gateways: gatewaysFrom(config) };
}

/** Notifications: SMS and e-mail to customers from order, delivery and identity events, per their preferences. */
export default defineService({
  name: 'notifications',
  migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
  tables: { outbox, inbox },
  context: buildContext,
  routes: (app, ctx) => notificationRoutes(app, ctx),
  subscribes: [
    UserRegistered,
    ...Object.values(ORDER_EVENTS),
    ShipmentPickedUp,
    ShipmentFailed,
    ReturnApproved,
    ReturnRejected,
    ReturnReceived,
    PasswordResetRequested,
    ServiceRequestCompleted,
    ServiceRequestClosed,
  ],
  handlers: (ctx) => {
    return [
      ...identityHandlers(ctx),
      ...orderHandlers(ctx),
      ...shipmentHandlers(ctx),
      ...returnHandlers(ctx),
      ...serviceRequestHandlers(ctx),
    ];
  },
  jobs: (ctx) => notificationJobs(ctx),
  async stop(ctx) {
    for (const gateway of Object.values(ctx.gateways)) gateway.close?.();
  },
});
