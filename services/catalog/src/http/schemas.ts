import { CurrencyCode, Timestamp, Uuid } from '@bazar/contracts/common';
import { Type } from 'typebox';
import { SORTS } from '../domain/product-query.ts';

// Inline (no $id) so the schema is self-contained in every route that uses it.
const MoneyRef = Type.Object({ amount: Type.Integer(), currency: CurrencyCode });
// Left open here and checked by the use case: with coercion on, anyOf would turn 42 into "42".
const AttributeValue = Type.Unsafe<string | number | boolean>({ description: 'a string, number or boolean' });
const Attributes = Type.Record(Type.String({ minLength: 1, maxLength: 64 }), AttributeValue, { maxProperties: 50 });
const Options = Type.Record(Type.String({ minLength: 1, maxLength: 64 }), Type.String({ maxLength: 200 }), { maxProperties: 10 });
const Slug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 120 });

export const VariantSchema = Type.Object({
  id: Uuid,
  sku: Type.String(),
  barcode: Type.Union([Type.String(), Type.Null()]),
  title: Type.String(),
  options: Options,
  price: MoneyRef,
  inStock: Type.Boolean(),
});

export const ProductSchema = Type.Object(
  {
    id: Uuid,
    slug: Type.String(),
    title: Type.String(),
    description: Type.String(),
    categoryIds: Type.Array(Uuid),
    attributes: Attributes,
    images: Type.Array(Type.String()),
    price: MoneyRef,
    inStock: Type.Boolean(),
    archived: Type.Boolean(),
    variants: Type.Array(VariantSchema),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Product' },
);

const PriceInput = Type.Union([MoneyRef, Type.Integer({ minimum: 0 })], {
  description: 'Money in the store currency (BASE_CURRENCY), or a bare integer of its minor units',
});

const VariantBody = Type.Object(
  {
    id: Type.Optional(Uuid),
    sku: Type.String({ minLength: 1, maxLength: 64, pattern: '^\\S+$' }),
    title: Type.Optional(Type.String({ maxLength: 200 })),
    barcode: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 64, pattern: '^\\S+$' }), Type.Null()])),
    options: Type.Optional(Options),
    price: PriceInput,
    stock: Type.Optional(Type.Integer({ minimum: 0, description: 'Initial stock in the default warehouse (new variants only)' })),
  },
  { additionalProperties: false },
);

const productFields = {
  title: Type.String({ minLength: 1, maxLength: 300 }),
  description: Type.String({ maxLength: 20_000 }),
  categoryIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
  attributes: Type.Optional(Attributes),
  images: Type.Optional(Type.Array(Type.String({ format: 'uri', maxLength: 2000 }), { maxItems: 30 })),
  slug: Type.Optional(Slug),
};

export const CreateProductBody = Type.Object(
  { ...productFields, variants: Type.Array(VariantBody, { minItems: 1, maxItems: 100 }) },
  { additionalProperties: false },
);

export const UpdateProductBody = Type.Partial(
  Type.Object({ ...productFields, variants: Type.Array(VariantBody, { minItems: 1, maxItems: 100 }) }, { additionalProperties: false }),
  { additionalProperties: false, minProperties: 1 },
);

/** Declared for the OpenAPI document and coercion; `parseProductQuery` checks the rest (attr.*, ranges). */
export const ProductListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    category: Type.Optional(Type.String({ description: 'Category id or slug; sub-categories included' })),
    minPrice: Type.Optional(Type.Integer({ minimum: 0, description: 'Minor units of `currency`' })),
    maxPrice: Type.Optional(Type.Integer({ minimum: 0, description: 'Minor units of `currency`' })),
    inStock: Type.Optional(Type.Boolean()),
    sort: Type.Optional(Type.Union(SORTS.map((s) => Type.Literal(s)))),
    currency: Type.Optional(CurrencyCode),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: Type.String({ maxLength: 200 }), description: 'Attribute filters: attr.<name>=<value>[,<value>…]' },
);

export const ProductListSchema = Type.Object({
  items: Type.Array(Type.Ref('Product')),
  total: Type.Integer({ description: 'Every matching product, counted exactly' }),
  totalCapped: Type.Boolean({
    description: 'Always false: totals and facets count every match (kept for clients written when they were counted to 1,000)',
  }),
  facets: Type.Object({
    categories: Type.Array(Type.Object({ categoryId: Uuid, count: Type.Integer() })),
    price: Type.Union([Type.Object({ min: Type.Integer(), max: Type.Integer(), currency: CurrencyCode }), Type.Null()]),
  }),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  correctedQuery: Type.Union([Type.String(), Type.Null()], {
    description: 'The query as searched when a word was taken for a typo ("showing results for …"); null when none was',
  }),
});

export interface CategoryNodeShape {
  id: string;
  name: string;
  slug: string;
  parentId: string | null;
  children: CategoryNodeShape[];
}

export const CategorySchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    slug: Type.String(),
    parentId: Type.Union([Uuid, Type.Null()]),
    children: Type.Array(Type.Ref('Category')),
  },
  { $id: 'Category' },
);

export const CreateCategoryBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 120 }), parentId: Type.Optional(Type.Union([Uuid, Type.Null()])) },
  { additionalProperties: false },
);

export const UpdateCategoryBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    /** Another category's id to move under it, or null to make it a root. */
    parentId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  },
  { additionalProperties: false },
);

export const ImportSchema = Type.Object({
  id: Uuid,
  status: Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('completed'), Type.Literal('failed')]),
  processed: Type.Integer(),
  total: Type.Integer(),
  errors: Type.Array(Type.Object({ line: Type.Integer(), message: Type.String() })),
  createdAt: Timestamp,
  finishedAt: Type.Union([Timestamp, Type.Null()]),
});
