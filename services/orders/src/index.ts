import { fileURLToPath } from 'node:url';
import { cartClient } from '@bazar/contracts/clients/cart';
import { catalogClient } from '@bazar/contracts/clients/catalog';
import { deliveryClient } from '@bazar/contracts/clients/delivery';
import { fulfilmentClient } from '@bazar/contracts/clients/fulfilment';
import { inventoryClient } from '@bazar/contracts/clients/inventory';
import { paymentsClient } from '@bazar/contracts/clients/payments';
import { promotionsClient } from '@bazar/contracts/clients/promotions';
import { ratesClient } from '@bazar/contracts/clients/rates';
import { workforceOffersClient } from '@bazar/contracts/clients/workforce-offers';
import { SHIPMENT_EVENTS } from '@bazar/contracts/events/delivery';
import {
  FulfilmentPacked,
  PickingTaskCompleted,
  PickingTaskLineRemoved,
  PickingTaskRejected,
  PickingTaskStarted,
} from '@bazar/contracts/events/fulfilment';
import { PaymentCaptured, PaymentFailed, PaymentRefunded } from '@bazar/contracts/events/payments';
import { OfferAccepted, OfferMade, RequestUnmatched } from '@bazar/contracts/events/workforce';
import { defineService, type ServiceDefinition, type ServiceDeps } from '@bazar/kit/service';
import type { OrdersContext, SagaFaults } from './app/context.ts';
import { seedDemoOrderTypes } from './app/order-types/seed-demo-order-types.ts';
import { settledHere } from './caches/settled-here.ts';
import { readOrdersConfig } from './config.ts';
import { inbox, outbox } from './db/schema.ts';
import { fulfilmentHandlers } from './events/on-fulfilment-events.ts';
import { paymentHandlers } from './events/on-payment-events.ts';
import { serviceRequestHandlers } from './events/on-service-events.ts';
import { shipmentHandlers } from './events/on-shipment-events.ts';
import { internalRoutes } from './http/internal-routes.ts';
import { orderTypeRoutes } from './http/order-type-routes.ts';
import { returnRoutes } from './http/return-routes.ts';
import { ordersRoutes } from './http/routes.ts';
import { serviceRequestRoutes } from './http/service-request-routes.ts';
import { orderJobs } from './jobs/order-jobs.ts';

export interface OrdersServiceOptions {
  /** Test hooks (an injected failure after a saga step); never set in production. */
  faults?: SagaFaults;
}

/** The orders context: its configuration and a client of each service it calls. */
export function buildOrdersContext(deps: ServiceDeps, options: OrdersServiceOptions = {}): OrdersContext {
  return {
    deps,
    config: readOrdersConfig(deps.env),
    cart: cartClient(deps.clients.to('cart')),
    inventory: inventoryClient(deps.clients.to('inventory')),
    delivery: deliveryClient(deps.clients.to('delivery')),
    promotions: promotionsClient(deps.clients.to('promotions')),
    payments: paymentsClient(deps.clients.to('payments')),
    catalog: catalogClient(deps.clients.to('catalog')),
    rates: ratesClient(deps.clients.to('rates')),
    fulfilment: fulfilmentClient(deps.clients.to('fulfilment')),
    workforce: workforceOffersClient(deps.clients.to('workforce')),
    faults: options.faults ?? {},
    settledHere: settledHere(),
  };
}

/** Orders with options; tests use it to inject saga failures, the host uses the default export. */
export function createOrdersService(options: OrdersServiceOptions = {}): ServiceDefinition {
  return defineService({
    name: 'orders',
    migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
    tables: { outbox, inbox },
    context: (deps) => buildOrdersContext(deps, options),
    routes(app, ctx) {
      ordersRoutes(app, ctx);
      returnRoutes(app, ctx);
      orderTypeRoutes(app, ctx);
      serviceRequestRoutes(app, ctx);
      internalRoutes(app, ctx);
    },
    subscribes: [
      PaymentCaptured,
      PaymentFailed,
      PaymentRefunded,
      PickingTaskStarted,
      FulfilmentPacked,
      PickingTaskRejected,
      PickingTaskLineRemoved,
      ...Object.values(SHIPMENT_EVENTS),
      PickingTaskCompleted,
      OfferMade,
      OfferAccepted,
      RequestUnmatched,
    ],
    handlers: (ctx) => [...paymentHandlers(ctx), ...fulfilmentHandlers(ctx), ...shipmentHandlers(ctx), ...serviceRequestHandlers(ctx)],
    jobs: (ctx) => orderJobs(ctx),
    async seedDemo(ctx) {
      return { notices: await seedDemoOrderTypes(ctx) };
    },
  });
}

/** Orders: the checkout saga, the order lifecycle and its history. */
export default createOrdersService();
