import { fileURLToPath } from 'node:url';
import { OrderCancelled, OrderDelivered, OrderRefunded } from '@bazar/contracts/events/orders';
import { ReturnReceived } from '@bazar/contracts/events/returns';
import { defineService, type ServiceDeps } from '@bazar/kit/service';
import type { PromotionsContext } from './app/context.ts';
import { readPromotionsConfig } from './config.ts';
import { inbox, outbox } from './db/schema.ts';
import { onOrderCancelled } from './events/on-order-cancelled.ts';
import { onOrderDelivered } from './events/on-order-delivered.ts';
import { onOrderRefunded } from './events/on-order-refunded.ts';
import { onReturnReceived } from './events/on-return-received.ts';
import { internalRoutes } from './http/internal-routes.ts';
import { promotionRoutes } from './http/routes.ts';
import { reconcileBenefits } from './jobs/reconcile-benefits.ts';

function buildContext(deps: ServiceDeps): PromotionsContext {
  return { deps, config: readPromotionsConfig(deps.env) };
}

/** Promotions: promo codes with limits that hold under concurrent checkouts, and loyalty points. */
export default defineService({
  name: 'promotions',
  migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
  tables: { outbox, inbox },
  context: buildContext,
  routes(app, ctx) {
    promotionRoutes(app, ctx);
    internalRoutes(app, ctx);
  },
  subscribes: [OrderDelivered, OrderCancelled, OrderRefunded, ReturnReceived],
  handlers: (ctx) => {
    return [onOrderDelivered(ctx), onOrderCancelled(ctx), onOrderRefunded(ctx), onReturnReceived(ctx)];
  },
  jobs: (ctx) => [reconcileBenefits(ctx)],
});
