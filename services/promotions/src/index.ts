import { fileURLToPath } from 'node:url';
import { OrderCancelled, OrderDelivered, OrderRefunded } from '@bazar/contracts/events/orders';
import { defineService, type ServiceDeps } from '@bazar/kit/service';
import type { PromotionsContext } from './app/context.ts';
import { readPromotionsConfig } from './config.ts';
import { inbox, outbox } from './db/schema.ts';
import { onOrderCancelled } from './events/on-order-cancelled.ts';
import { onOrderDelivered } from './events/on-order-delivered.ts';
import { onOrderRefunded } from './events/on-order-refunded.ts';
import { internalRoutes } from './http/internal-routes.ts';
import { promotionRoutes } from './http/routes.ts';
import { reconcileBenefits } from './jobs/reconcile-benefits.ts';

const contexts = new WeakMap<ServiceDeps, PromotionsContext>();

function contextOf(deps: ServiceDeps): PromotionsContext {
  let ctx = contexts.get(deps);
  if (!ctx) {
    ctx = { deps, config: readPromotionsConfig(deps.env) };
    contexts.set(deps, ctx);
  }
  return ctx;
}

/** Promotions: promo codes with limits that hold under concurrent checkouts, and loyalty points. */
export default defineService({
  name: 'promotions',
  migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
  tables: { outbox, inbox },
  routes(app, deps) {
    const ctx = contextOf(deps);
    promotionRoutes(app, ctx);
    internalRoutes(app, ctx);
  },
  subscribes: [OrderDelivered, OrderCancelled, OrderRefunded],
  handlers: (deps) => {
    const ctx = contextOf(deps);
    return [onOrderDelivered(ctx), onOrderCancelled(ctx), onOrderRefunded(ctx)];
  },
  jobs: (deps) => [reconcileBenefits(contextOf(deps))],
});
