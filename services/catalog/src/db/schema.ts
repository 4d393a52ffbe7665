import { inboxTable, outboxTable } from '@bazar/kit/db/platform-tables';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  customType,
  index,
  integer,
  jsonb,
  pgSchema,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ImportStatus } from '../domain/import-status.ts';
import type { AttributeValue } from '../domain/product.ts';

export const catalog = pgSchema('catalog');

/**
 * Numbers every insert and update of a product (`take_product_revision()`: a default, and a trigger on
 * update), so each process's search index catches up on what changed.
 */
export const productRevisions = catalog.sequence('product_revision');

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Categories form a tree; `path` holds every ancestor id and the category's own, root first. */
export const categories = catalog.table(
  'categories',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    parentId: uuid('parent_id'),
    path: uuid('path').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('categories_slug_key').on(t.slug),
    // Names repeat across branches ("Аксессуары"), not among siblings; roots share the nil parent.
    uniqueIndex('categories_sibling_name_key').on(
      sql`coalesce(${t.parentId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      sql`lower(${t.name})`,
    ),
  ],
);

/**
 * Products. `price_minor` (the lowest variant price), `in_stock` and `category_tree` are
 * denormalised on write so listings filter and sort on one table; `search` is generated.
 */
export const products = catalog.table(
  'products',
  {
    id: uuid('id').primaryKey(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    categoryIds: uuid('category_ids').array().notNull(),
    /** The product's categories and all their ancestors: the "incl. sub-categories" filter and facets. */
    categoryTree: uuid('category_tree').array().notNull(),
    attributes: jsonb('attributes').$type<Record<string, AttributeValue>>().notNull(),
    images: text('images').array().notNull(),
    priceMinor: bigint('price_minor', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    inStock: boolean('in_stock').notNull().default(false),
    /** SKUs, barcodes and attribute values as words, so the generated vector covers them. */
    searchExtra: text('search_extra').notNull().default(''),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('russian'::regconfig, title), 'A') || setweight(to_tsvector('english'::regconfig, title), 'A') || setweight(to_tsvector('russian'::regconfig, description), 'B') || setweight(to_tsvector('english'::regconfig, description), 'B') || setweight(to_tsvector('simple'::regconfig, search_extra), 'C')`,
    ),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    revision: bigint('revision', { mode: 'number' }).notNull().default(sql`"catalog"."take_product_revision"()`),
  },
  (t) => [
    uniqueIndex('products_slug_key').on(t.slug),
    index('products_revision_idx').on(t.revision),
    index('products_search_idx').using('gin', t.search),
    index('products_title_trgm_idx').using('gin', t.title.op('gin_trgm_ops')),
    index('products_category_tree_idx').using('gin', t.categoryTree),
    index('products_attributes_idx').using('gin', t.attributes.op('jsonb_path_ops')),
    // Ascending, so a backward scan serves `DESC` (NULLS FIRST) sorts too; drizzle's .desc() adds NULLS LAST, which no sort matches.
    index('products_created_idx').on(t.createdAt, t.id).where(sql`archived_at IS NULL`),
    index('products_price_idx').on(t.priceMinor, t.id).where(sql`archived_at IS NULL`),
  ],
);

export const variants = catalog.table(
  'variants',
  {
    id: uuid('id').primaryKey(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    sku: text('sku').notNull(),
    barcode: text('barcode'),
    title: text('title').notNull(),
    options: jsonb('options').$type<Record<string, string>>().notNull(),
    priceMinor: bigint('price_minor', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    position: integer('position').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // SKUs are matched case-insensitively everywhere (scanners, CSV, search).
    uniqueIndex('variants_sku_key').on(sql`upper(${t.sku})`),
    uniqueIndex('variants_barcode_key').on(t.barcode),
    index('variants_product_idx').on(t.productId, t.position),
  ],
);

/** Read model of availability per SKU (inventory owns stock; fed by its events and initial stock). */
export const stockLevels = catalog.table('stock_levels', {
  sku: text('sku').primaryKey(),
  available: integer('available').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Read model of the latest rate table from `rates.updated`: units of `currency` per one base unit. */
export const exchangeRates = catalog.table('exchange_rates', {
  currency: char('currency', { length: 3 }).primaryKey(),
  base: char('base', { length: 3 }).notNull(),
  rate: text('rate').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export type { ImportStatus };

/** CSV imports: the uploaded text and the progress of its background run. */
export const imports = catalog.table('imports', {
  id: uuid('id').primaryKey(),
  status: text('status').$type<ImportStatus>().notNull(),
  csv: text('csv').notNull(),
  processed: integer('processed').notNull().default(0),
  total: integer('total').notNull().default(0),
  errors: jsonb('errors').$type<{ line: number; message: string }[]>().notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

export const outbox = outboxTable(catalog);
export const inbox = inboxTable(catalog);
