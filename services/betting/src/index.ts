import { fileURLToPath } from 'node:url';
import { UserRegistered } from '@bazar/contracts/events/identity';
import { ORDER_EVENTS } from '@bazar/contracts/events/orders';
import { defineService, type ServiceDeps } from '@bazar/kit/service';
import type { BettingContext } from './app/context.ts';
import { readBettingConfig } from './config.ts';
import { inbox, outbox } from './db/schema.ts';
import { orderEventHandlers } from './events/on-order-event.ts';
import { userRegisteredHandler } from './events/on-user-registered.ts';
import { bettingRoutes } from './http/routes.ts';
import { resetWeeklyBudgetsJob } from './jobs/reset-weekly-budgets.ts';

function buildContext(deps: ServiceDeps): BettingContext {
  return { deps, config: readBettingConfig(deps.env) };
}

/** Betting: managers stake weekly points on order outcomes; pools settle once, on the outcome event. */
export default defineService({
  name: 'betting',
  migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
  tables: { outbox, inbox },
  context: buildContext,
  subscribes: [...Object.values(ORDER_EVENTS), UserRegistered],
  routes: (app, ctx) => bettingRoutes(app, ctx),
  handlers: (ctx) => [...orderEventHandlers(ctx), userRegisteredHandler()],
  jobs: (ctx) => [resetWeeklyBudgetsJob(ctx)],
});

export { RESET_BUDGETS_QUEUE } from './jobs/reset-weekly-budgets.ts';
