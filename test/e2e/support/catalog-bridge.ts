import { fileURLToPath } from 'node:url';
import type { VariantInfo } from '@bazar/contracts/clients/catalog';
import { ProductUpdated, VariantCreated } from '@bazar/contracts/events/catalog';
import { inboxTable, outboxTable } from '@bazar/kit/db/platform-tables';
import { onEvent } from '@bazar/kit/events/inbox';
import type { HttpApp } from '@bazar/kit/http/app';
import { defineService, type ServiceDefinition } from '@bazar/kit/service';
import { pgSchema } from 'drizzle-orm/pg-core';

const LOOKUP = '/internal/v1/catalog/variants/lookup';
const schema = pgSchema('catalog_bridge');

/**
 * Stand-in for catalog's `POST /internal/v1/catalog/variants/lookup` (contracts/clients/catalog.ts)
 * while catalog does not serve it yet: a read model of catalog's own events, in memory. Mounted
 * only when the real route is missing (see `withCatalogLookup`), so it retires by itself.
 */
export function catalogLookupBridge(): ServiceDefinition {
  const variants = new Map<string, VariantInfo>();
  return defineService({
    name: 'catalog_bridge',
    migrationsFolder: fileURLToPath(new URL('./catalog-bridge-migrations', import.meta.url)),
    tables: { outbox: outboxTable(schema), inbox: inboxTable(schema) },
    routes(app, deps) {
      app.post(LOOKUP, { preHandler: deps.internal, schema: { hide: true } }, async (req) => {
        const { variantIds } = req.body as { variantIds: string[] };
        return { variants: variantIds.map((id) => variants.get(id)).filter(Boolean) };
      });
    },
    handlers: () => [
      onEvent(VariantCreated, async (_ctx, e) => {
        const d = e.data;
        variants.set(d.variantId, {
          variantId: d.variantId,
          productId: d.productId,
          sku: d.sku,
          barcode: d.barcode,
          title: d.title,
          price: d.price,
          archived: false,
        });
      }),
      onEvent(ProductUpdated, async (_ctx, e) => {
        for (const v of e.data.variants) {
          variants.set(v.variantId, { ...v, productId: e.data.productId, archived: e.data.archived });
        }
      }),
    ],
  });
}

/** Whether an app already serves catalog's lookup route. */
export const servesCatalogLookup = (app: HttpApp) => app.hasRoute({ method: 'POST', url: LOOKUP });
