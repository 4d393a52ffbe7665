import { Uuid } from '@bazar/contracts/common';
import type { HttpApp } from '@bazar/kit/http/app';
import { bearer } from '@bazar/kit/http/auth';
import { problems } from '@bazar/kit/http/problem';
import { type Static, Type } from 'typebox';
import { archiveProduct } from '../app/archive-product.ts';
import type { CatalogContext } from '../app/context.ts';
import { createCategory } from '../app/create-category.ts';
import { createProduct } from '../app/create-product.ts';
import { deleteCategory } from '../app/delete-category.ts';
import { getProductJson } from '../app/get-product.ts';
import { listCategories } from '../app/list-categories.ts';
import { removeVariant } from '../app/remove-variant.ts';
import { rememberedSearch, searchAnswerText } from '../app/search-products.ts';
import { updateCategory } from '../app/update-category.ts';
import { updateProduct } from '../app/update-product.ts';
import { parseProductQuery } from '../domain/product-query.ts';
import { importRoutes } from './import-routes.ts';
import { catalogInternalRoutes } from './internal-routes.ts';
import {
  CategorySchema,
  CreateCategoryBody,
  CreateProductBody,
  ProductListQuery,
  ProductListSchema,
  ProductSchema,
  UpdateCategoryBody,
  UpdateProductBody,
} from './schemas.ts';

const tags = ['catalog'];
/** For answers that are JSON text already (memoised or cached); the route schema still documents them. */
const sendAsIs = (body: unknown) => body as string;
const CurrencyQuery = Type.Object({ currency: Type.Optional(Type.String({ pattern: '^[A-Za-z]{3}$' })) });

/** Catalog routes of CONTRACT.md, thin: parse → use case → reply. */
export async function catalogRoutes(app: HttpApp, ctx: CatalogContext) {
  const { auth } = ctx.deps;
  const staff = auth.roles('manager', 'admin');
  app.addSchema(ProductSchema);
  app.addSchema(CategorySchema);

  app.get(
    '/api/v1/products',
    {
      schema: {
        tags,
        summary: 'Search and list products (full text, filters attr.<name>=<v>, sorts, facets)',
        description:
          'Anyone. `q` is full-text in Russian and English with typo tolerance; filter by `category`, `minPrice`/`maxPrice` (minor units), `inStock` and `attr.<name>=<value>`; prices shown in `currency` at the current rate. Answers items, `total`, facets and the next cursor.',
        querystring: ProductListQuery,
        response: { 200: ProductListSchema, ...problems(400, 422) },
      },
    },
    async (req, reply) => {
      const answer = await rememberedSearch(ctx, parseProductQuery(req.query as Record<string, unknown>));
      return reply.type('application/json; charset=utf-8').send(searchAnswerText(answer) as unknown as Static<typeof ProductListSchema>);
    },
  );

  await importRoutes(app, ctx);
  catalogInternalRoutes(app, ctx);

  app.get(
    '/api/v1/products/:idOrSlug',
    {
      schema: {
        tags,
        summary: 'One product by id or slug (archived ones too)',
        description:
          'Anyone. Variants, prices and whether each is in stock; prices in `currency` when asked (converted at the current rate).',
        params: Type.Object({ idOrSlug: Type.String({ minLength: 1, maxLength: 120, examples: ['krasnye-krossovki'] }) }),
        querystring: CurrencyQuery,
        response: { 200: Type.Ref('Product'), ...problems(400, 404, 422) },
      },
    },
    async (req, reply) => {
      const json = await getProductJson(ctx, req.params.idOrSlug, req.query.currency?.toUpperCase() ?? null);
      return reply
        .type('application/json; charset=utf-8')
        .serializer(sendAsIs)
        .send(json as unknown as Static<typeof ProductSchema>);
    },
  );

  app.post(
    '/api/v1/products',
    {
      preHandler: staff,
      schema: {
        tags,
        summary: 'Create a product with variants',
        description:
          "Manager or admin. Each variant's `stock` goes into the default warehouse (through inventory's `catalog.variant_created` event). A SKU or barcode already used → 409.",
        ...bearer,
        body: CreateProductBody,
        response: { 201: Type.Ref('Product'), ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await createProduct(ctx, req.body)),
  );

  app.patch(
    '/api/v1/products/:id',
    {
      preHandler: staff,
      schema: {
        tags,
        summary: 'Change a product; variants are matched by id or SKU, new ones added',
        description: 'Manager or admin. Only the fields sent change; variants not mentioned stay as they are.',
        ...bearer,
        params: Type.Object({ id: Uuid }),
        body: UpdateProductBody,
        response: { 200: Type.Ref('Product'), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => updateProduct(ctx, req.params.id, req.body),
  );

  app.delete(
    '/api/v1/products/:id',
    {
      preHandler: staff,
      schema: {
        tags,
        summary: 'Archive a product (it leaves listings and search; GET by id still answers)',
        description: 'Manager or admin. The product is kept for orders that name it; it can no longer be added to carts.',
        ...bearer,
        params: Type.Object({ id: Uuid }),
        response: { 200: Type.Ref('Product'), ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => archiveProduct(ctx, req.params.id),
  );

  app.delete(
    '/api/v1/products/:id/variants/:variantId',
    {
      preHandler: staff,
      schema: {
        tags,
        summary: 'Take a variant off a product (not its only one)',
        description: 'Manager or admin. Removing the only variant → 409; archive the product instead.',
        ...bearer,
        params: Type.Object({ id: Uuid, variantId: Uuid }),
        response: { 200: Type.Ref('Product'), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => removeVariant(ctx, { productId: req.params.id, variantId: req.params.variantId }),
  );

  app.get(
    '/api/v1/categories',
    {
      schema: {
        tags,
        summary: 'The category tree',
        description: 'Anyone. Every category with its children, nested.',
        response: { 200: Type.Array(Type.Ref('Category')) },
      },
    },
    async () => listCategories(ctx),
  );

  app.post(
    '/api/v1/categories',
    {
      preHandler: staff,
      schema: {
        tags,
        summary: 'Add a category',
        description: 'Manager or admin. Under `parentId`, or at the top without one; a sibling with the same name → 409.',
        ...bearer,
        body: CreateCategoryBody,
        response: { 201: Type.Ref('Category'), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await createCategory(ctx, req.body)),
  );

  app.patch(
    '/api/v1/categories/:id',
    {
      preHandler: staff,
      schema: {
        tags,
        summary: 'Rename a category, or move it with everything under it (parentId null: to the top)',
        description: 'Manager or admin. Moving a category under itself or one of its descendants → 409.',
        ...bearer,
        params: Type.Object({ id: Uuid }),
        body: UpdateCategoryBody,
        response: { 200: Type.Ref('Category'), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => updateCategory(ctx, { id: req.params.id, ...req.body }),
  );

  app.delete(
    '/api/v1/categories/:id',
    {
      preHandler: staff,
      schema: {
        tags,
        summary: 'Remove a category with no sub-categories and no products',
        description: 'Manager or admin. A category still used by products or with children → 409.',
        ...bearer,
        params: Type.Object({ id: Uuid }),
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      await deleteCategory(ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
}
