import { fileURLToPath } from 'node:url';
import { catalogClient } from '@bazar/contracts/clients/catalog';
import { promotionsClient } from '@bazar/contracts/clients/promotions';
import { ratesClient } from '@bazar/contracts/clients/rates';
import { createBackoff } from '@bazar/kit/rate-limit';
import { defineService, type ServiceDeps } from '@bazar/kit/service';
import type { CartContext } from './app/context.ts';
import { PURGE_QUEUE, purgeStaleCarts } from './app/purge-stale-carts.ts';
import { readCartConfig } from './config.ts';
import { createPgCartStore } from './db/pg-cart-store.ts';
import { inbox, outbox } from './db/schema.ts';
import { TooManyWrongPromoCodes } from './domain/cart.errors.ts';
import { cartRoutes } from './http/routes.ts';
import { rememberingCarts } from './store/recent-carts.ts';
import { createRedisCartStore } from './store/redis-cart-store.ts';

/** One context per mounted instance; the store is the database unless REDIS_URL names a Redis. */
function buildContext(deps: ServiceDeps): CartContext {
  const config = readCartConfig(deps.env);
  const store = rememberingCarts(
    config.REDIS_URL
      ? createRedisCartStore({ url: config.REDIS_URL, prefix: config.CART_REDIS_PREFIX, ttlSeconds: config.CART_TTL_DAYS * 86_400 })
      : createPgCartStore(deps.db),
  );
  return {
    deps,
    config,
    limits: { maxLines: config.CART_MAX_LINES, maxQuantity: config.CART_MAX_QUANTITY },
    store,
    catalog: catalogClient(deps.clients.to('catalog')),
    rates: ratesClient(deps.clients.to('rates')),
    promotions: promotionsClient(deps.clients.to('promotions')),
    promoGuesses: createBackoff(deps.counters, {
      name: 'promo',
      windowSeconds: config.PROMO_WRONG_CODES_WINDOW_SECONDS,
      refuse: TooManyWrongPromoCodes,
    }),
  };
}

/** Cart: lines priced from catalog when read, promo codes, shipping and the cart's currency. */
export default defineService({
  name: 'cart',
  migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
  tables: { outbox, inbox },
  context: buildContext,
  routes: (app, ctx) => cartRoutes(app, ctx),
  // Carts in Redis expire by themselves; those in the database are removed nightly.
  jobs: (ctx) =>
    ctx.config.REDIS_URL ? [] : [{ queue: PURGE_QUEUE, cron: '23 3 * * *', handler: async () => void (await purgeStaleCarts(ctx)) }],
  async stop(ctx) {
    await ctx.store.close();
  },
});
