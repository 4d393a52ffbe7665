import { fileURLToPath } from 'node:url';
import { defineService, type ServiceDeps } from '@bazar/kit/service';
import { checkCurrency } from './app/check-currency.ts';
import type { RatesContext } from './app/context.ts';
import { seedDemoRates } from './app/seed-demo-rates.ts';
import { readRatesConfig } from './config.ts';
import { inbox, outbox } from './db/schema.ts';
import { ratesRoutes } from './http/routes.ts';
import { refreshRatesDaily } from './jobs/refresh-rates-daily.ts';

/** One context per mounted service; the config is read (and checked) once. */
function buildContext(deps: ServiceDeps): RatesContext {
  const config = readRatesConfig(deps.env);
  checkCurrency('BASE_CURRENCY', config.BASE_CURRENCY);
  return { deps, config };
}

/** Rates: the currency rate table against the base currency, its history and the CBR provider. */
export default defineService({
  name: 'rates',
  migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
  tables: { outbox, inbox },
  context: buildContext,
  routes: (app, ctx) => ratesRoutes(app, ctx),
  jobs: (ctx) => [refreshRatesDaily(ctx)],
  async seedDemo(ctx) {
    return { notices: await seedDemoRates(ctx) };
  },
});

export { REFRESH_RATES_QUEUE } from './jobs/refresh-rates-daily.ts';
