import { fileURLToPath } from 'node:url';
import { defineService, type ServiceDeps } from '@bazar/kit/service';
import { checkCurrency } from './app/check-currency.ts';
import type { RatesContext } from './app/context.ts';
import { seedDemoRates } from './app/seed-demo-rates.ts';
import { readRatesConfig } from './config.ts';
import { inbox, outbox } from './db/schema.ts';
import { ratesRoutes } from './http/routes.ts';
import { refreshRatesDaily } from './jobs/refresh-rates-daily.ts';

const contexts = new WeakMap<ServiceDeps, RatesContext>();

/** One context per mounted service; the config is read (and checked) once. */
function contextOf(deps: ServiceDeps): RatesContext {
  let ctx = contexts.get(deps);
  if (!ctx) {
    const config = readRatesConfig(deps.env);
    checkCurrency('BASE_CURRENCY', config.BASE_CURRENCY);
    ctx = { deps, config };
    contexts.set(deps, ctx);
  }
  return ctx;
}

/** Rates: the currency rate table against the base currency, its history and the CBR provider. */
export default defineService({
  name: 'rates',
  migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
  tables: { outbox, inbox },
  routes: (app, deps) => ratesRoutes(app, contextOf(deps)),
  jobs: (deps) => [refreshRatesDaily(contextOf(deps))],
  async seedDemo(deps) {
    return { notices: await seedDemoRates(contextOf(deps)) };
  },
});

export { REFRESH_RATES_QUEUE } from './jobs/refresh-rates-daily.ts';
