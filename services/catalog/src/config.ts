import { readEnv } from '@bazar/kit/config';
import { type Static, Type } from 'typebox';

export const CatalogConfigSchema = Type.Object({
  BASE_CURRENCY: Type.String({ default: 'RUB', pattern: '^[A-Z]{3}$', description: 'The store currency prices are set in' }),
  REDIS_URL: Type.Optional(Type.String({ description: 'When set, product reads are cached in Redis instead of process memory' })),
  CATALOG_CACHE_TTL_SECONDS: Type.Integer({ default: 60, minimum: 1, description: 'How long a cached product read lives' }),
  CATALOG_CACHE_MAX_ITEMS: Type.Integer({ default: 20_000, minimum: 1, description: 'In-process cache size' }),
  CATALOG_SEARCH_MEMO_MS: Type.Integer({
    default: 5_000,
    minimum: 0,
    description: 'How long whole search and listing answers are memoised (0 = off); local writes clear them',
  }),
  CATALOG_PAGE_COPIES: Type.Boolean({
    default: true,
    description:
      "Whether the search index keeps every live product's results-page copy (about 1.3 kB each, outside the JS heap) so a results page is never read from the database",
  }),
  CATALOG_IMPORT_BATCH_SIZE: Type.Integer({ default: 50, minimum: 1, description: 'Products per import transaction' }),
  CATALOG_IMPORT_DIR: Type.Optional(
    Type.String({
      minLength: 1,
      description:
        "Folder uploaded CSV files wait in until imported (an import resumes after a restart while its file is there); the system temp folder's `bazar-imports` when unset",
    }),
  ),
  CATALOG_DEMO_PRODUCTS: Type.Integer({ default: 300, minimum: 0, description: 'How many demo products seedDemo generates' }),
});
export type CatalogConfig = Static<typeof CatalogConfigSchema>;

export const readCatalogConfig = (env: Record<string, string | undefined>) => readEnv(CatalogConfigSchema, env);
