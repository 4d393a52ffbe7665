import { Uuid } from '@bazar/contracts/common';
import type { HttpApp } from '@bazar/kit/http/app';
import { Type } from 'typebox';
import type { CatalogContext } from '../app/context.ts';
import { lookupVariants } from '../app/lookup-variants.ts';

const LookupBody = Type.Object({ variantIds: Type.Array(Uuid, { maxItems: 500 }) }, { additionalProperties: false });

/** Catalog's internal API for other services (contracts/clients/catalog.ts). */
export function catalogInternalRoutes(app: HttpApp, ctx: CatalogContext) {
  app.post(
    '/internal/v1/catalog/variants/lookup',
    { preHandler: ctx.deps.internal, schema: { hide: true, body: LookupBody } },
    async (req) => ({ variants: await lookupVariants(ctx, req.body.variantIds) }),
  );
}
