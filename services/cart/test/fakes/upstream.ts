import { fileURLToPath } from 'node:url';
import type { VariantInfo } from '@bazar/contracts/clients/catalog';
import type { PromoQuote } from '@bazar/contracts/clients/promotions';
import type { RateTable } from '@bazar/contracts/clients/rates';
import { inboxTable, outboxTable } from '@bazar/kit/db/platform-tables';
import { DomainError } from '@bazar/kit/errors';
import type { Money } from '@bazar/kit/money';
import { defineService } from '@bazar/kit/service';
import { pgSchema } from 'drizzle-orm/pg-core';

const schema = pgSchema('cart_fakes');

export interface FakePromo {
  type: PromoQuote['type'];
  value: number;
  minSubtotal?: number;
  problem?: 'promotions.expired' | 'promotions.exhausted';
}

/** What the fakes answer; tests change it freely. */
export interface UpstreamState {
  variants: Map<string, VariantInfo>;
  rates: RateTable;
  promos: Map<string, FakePromo>;
  /** `cachedLookups`: lookups that asked for product-page freshness (`cached: true`). */
  calls: { lookups: number; cachedLookups: number; rates: number; quotes: number };
}

export const upstream: UpstreamState = {
  variants: new Map(),
  rates: { base: 'RUB', rates: { USD: '0.0108', EUR: '0.0100' }, updatedAt: null },
  promos: new Map(),
  calls: { lookups: 0, cachedLookups: 0, rates: 0, quotes: 0 },
};

/** Quotes like promotions does: percent or fixed off the subtotal, or free shipping. */
function quote(code: string, subtotal: Money): PromoQuote {
  const promo = upstream.promos.get(code);
  if (!promo) throw new DomainError('promotions.invalid_code', 422, `No promo code ${code}`);
  if (promo.problem) throw new DomainError(promo.problem, 422, `Code ${code}: ${promo.problem}`);
  if (promo.minSubtotal && subtotal.amount < promo.minSubtotal)
    throw new DomainError('promotions.below_minimum', 422, 'Subtotal too small');
  const amount = promo.type === 'percent' ? Math.floor((subtotal.amount * promo.value) / 100) : promo.type === 'fixed' ? promo.value : 0;
  return { code, type: promo.type, discount: { amount, currency: subtotal.currency }, freeShipping: promo.type === 'free_shipping' };
}

/** Test-only stand-in for catalog, rates and promotions' read routes that cart calls. */
export const upstreamFakes = defineService({
  name: 'cart_fakes',
  migrationsFolder: fileURLToPath(new URL('./migrations', import.meta.url)),
  tables: { outbox: outboxTable(schema), inbox: inboxTable(schema) },
  routes(app, deps) {
    app.post('/internal/v1/catalog/variants/lookup', { preHandler: deps.internal, schema: { hide: true } }, async (req) => {
      const { variantIds, cached } = req.body as { variantIds: string[]; cached?: boolean };
      if (cached) upstream.calls.cachedLookups++;
      else upstream.calls.lookups++;
      return { variants: variantIds.map((id) => upstream.variants.get(id)).filter(Boolean) };
    });
    app.get('/api/v1/rates', { schema: { hide: true } }, async () => {
      upstream.calls.rates++;
      return upstream.rates;
    });
    app.post('/internal/v1/promotions/quote', { preHandler: deps.internal, schema: { hide: true } }, async (req) => {
      upstream.calls.quotes++;
      const body = req.body as { code: string; subtotal: Money };
      return quote(body.code, body.subtotal);
    });
  },
});
