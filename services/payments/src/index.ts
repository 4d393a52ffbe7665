import { fileURLToPath } from 'node:url';
import { LoyaltyPointsChanged } from '@bazar/contracts/events/promotions';
import { defineService, type ServiceDeps } from '@bazar/kit/service';
import type { PaymentsContext } from './app/context.ts';
import { recoverStuckPayments } from './app/recover-stuck-payments.ts';
import { readPaymentsConfig } from './config.ts';
import { inbox, outbox } from './db/schema.ts';
import { onPointsChanged } from './events/on-points-changed.ts';
import { paymentsRoutes } from './http/routes.ts';
import { reconcilePayments } from './jobs/reconcile-payments.ts';
import { createProviders } from './providers/registry.ts';

export { type LedgerReport, type LedgerViolation, verifyLedger } from './app/verify-ledger.ts';
export { signTestWebhook, TEST_SIGNATURE_HEADER } from './providers/test-provider.ts';

function buildContext(deps: ServiceDeps): PaymentsContext {
  const config = readPaymentsConfig(deps.env);
  return { deps, config, providers: createProviders(config) };
}

/** Payments: provider adapters (test, stripe), webhooks and the double-entry ledger. */
export default defineService({
  name: 'payments',
  migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
  tables: { outbox, inbox },
  context: buildContext,
  routes: (app, ctx) => paymentsRoutes(app, ctx),
  subscribes: [LoyaltyPointsChanged],
  handlers: (ctx) => [onPointsChanged(ctx)],
  jobs: (ctx) => [
    {
      queue: 'payments.recover_stuck_payments',
      everySeconds: ctx.config.PAYMENTS_RECOVER_EVERY_SECONDS,
      expireInSeconds: 120,
      handler: async () => {
        await recoverStuckPayments(ctx);
      },
    },
    reconcilePayments(ctx),
  ],
});
