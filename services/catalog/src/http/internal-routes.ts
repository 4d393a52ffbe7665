import { Uuid } from '@bazar/contracts/common';
import type { HttpApp } from '@bazar/kit/http/app';
import { Type } from 'typebox';
import type { CatalogContext } from '../app/context.ts';
import { lookupCachedVariants, lookupVariants, lookupVariantsBySku } from '../app/lookup-variants.ts';

const LookupBody = Type.Object(
  {
    variantIds: Type.Array(Uuid, { maxItems: 500 }),
    /** Looked up by SKU as well (read now, never cached). */
    skus: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 500 })),
    /** As fresh as a product page (the product cache) instead of read now: for showing a cart, never for checkout. */
    cached: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** Catalog's internal API for other services (contracts/clients/catalog.ts). */
export function catalogInternalRoutes(app: HttpApp, ctx: CatalogContext) {
  app.post(
    '/internal/v1/catalog/variants/lookup',
    { preHandler: ctx.deps.internal, schema: { hide: true, body: LookupBody } },
    async (req) => {
      const byId = await (req.body.cached ? lookupCachedVariants(ctx, req.body.variantIds) : lookupVariants(ctx, req.body.variantIds));
      return { variants: req.body.skus ? [...byId, ...(await lookupVariantsBySku(ctx, req.body.skus))] : byId };
    },
  );
}
