import type { DbOrTx } from '@bazar/kit/db/database';
import { and, asc, gt, isNull, sql } from 'drizzle-orm';
import type { Snapshot } from '../domain/revision-horizon.ts';
import type { IndexedProduct } from '../domain/search-index.ts';
import { searchWordsOf } from '../domain/search-words.ts';
import { lexemeWeightsOf } from '../domain/tsvector-text.ts';
import { pageCopyColumn } from './product-search.ts';
import { products, variants } from './schema.ts';

const documentColumns = {
  id: products.id,
  revision: products.revision,
  archived: sql<boolean>`${products.archivedAt} IS NOT NULL`,
  search: sql<string>`${products.search}::text`,
  categoryTree: products.categoryTree,
  priceMinor: products.priceMinor,
  inStock: products.inStock,
  attributes: products.attributes,
  createdMicros: sql<number>`(extract(epoch FROM ${products.createdAt}) * 1000000)::float8`,
  title: products.title,
  // Its variants' SKUs (upper case, "s…") and barcodes ("b…"), for exact code matches.
  codes: sql<string>`(SELECT coalesce(json_agg(c.code), '[]') FROM (
    SELECT 's' || upper(v.sku) AS code FROM ${variants} v WHERE v.product_id = ${sql.raw('"products"."id"')}
    UNION ALL SELECT 'b' || v.barcode FROM ${variants} v WHERE v.product_id = ${sql.raw('"products"."id"')} AND v.barcode IS NOT NULL) c)::text`,
};
const withPageCopy = { ...documentColumns, page: pageCopyColumn };

type DocumentRow = { [K in keyof typeof documentColumns]: unknown } & { id: string; archived: boolean; revision: number; page?: string };

export interface ProductChange {
  product: IndexedProduct;
  archived: boolean;
  /** Its results-page copy as JSON text (`pageCopyColumn`), when asked for. */
  page: string | null;
  /** The words of its title and attribute values, for the typo dictionary. */
  words: string[];
  /** Its variants' codes: `s` and the SKU in upper case, `b` and the barcode. */
  codes: string[];
}

const toChange = (row: DocumentRow): ProductChange => ({
  archived: row.archived,
  page: row.page ?? null,
  words: searchWordsOf(`${row.title as string} ${Object.values(row.attributes as IndexedProduct['attributes']).join(' ')}`),
  codes: JSON.parse(row.codes as string) as string[],
  product: {
    id: row.id,
    revision: Number(row.revision),
    lexemes: lexemeWeightsOf((row.search as string | null) ?? ''),
    categoryTree: row.categoryTree as string[],
    priceMinor: Number(row.priceMinor),
    inStock: row.inStock as boolean,
    attributes: row.attributes as IndexedProduct['attributes'],
    createdMicros: Number(row.createdMicros),
  },
});

/** Live products after `afterId` in id order, for building the index in chunks. */
export async function loadLiveProducts(db: DbOrTx, afterId: string | null, limit: number, pages: boolean): Promise<ProductChange[]> {
  const rows = await db
    .select(pages ? withPageCopy : documentColumns)
    .from(products)
    .where(and(isNull(products.archivedAt), afterId ? gt(products.id, afterId) : undefined))
    .orderBy(asc(products.id))
    .limit(limit);
  return (rows as DocumentRow[]).map(toChange);
}

/** Products written with a revision above `revision`, oldest first, archived ones included. */
export async function loadProductChanges(db: DbOrTx, revision: number, limit: number, pages: boolean): Promise<ProductChange[]> {
  const rows = await db
    .select(pages ? withPageCopy : documentColumns)
    .from(products)
    .where(gt(products.revision, revision))
    .orderBy(asc(products.revision))
    .limit(limit);
  return (rows as DocumentRow[]).map(toChange);
}

/** The highest revision handed out so far, committed or not. */
export async function lastRevision(db: DbOrTx): Promise<number> {
  const result = await db.execute(sql`SELECT CASE WHEN is_called THEN last_value ELSE 0 END::float8 AS last FROM catalog.product_revision`);
  return Number((result as unknown as { rows: { last: number }[] }).rows[0]?.last ?? 0);
}

const SNAPSHOT = sql`pg_snapshot_xmin(pg_current_snapshot())::text AS xmin, pg_snapshot_xmax(pg_current_snapshot())::text AS xmax,
  ARRAY(SELECT pg_snapshot_xip(pg_current_snapshot())::text) AS running`;

type SnapshotRow = { xmin: string; xmax: string; running: string[] | string; claimed?: string };

const snapshotOf = (row: SnapshotRow | undefined): Snapshot => {
  const running = Array.isArray(row?.running) ? row.running : parseTextArray(row?.running ?? '{}');
  return { xmin: BigInt(row?.xmin ?? '0'), xmax: BigInt(row?.xmax ?? '0'), running: running.map((x) => BigInt(x)) };
};

/** Who runs now (ids as text: xid8 outgrows 2^53 only in theory). */
export async function runningTransactions(db: DbOrTx): Promise<Snapshot> {
  const result = await db.execute(sql`SELECT ${SNAPSHOT}`);
  return snapshotOf((result as unknown as { rows: SnapshotRow[] }).rows[0]);
}

/**
 * Who runs now, and a transaction id claimed after the statement's snapshot: every writer that had
 * its id before this call has a lower one, listed by the snapshot or not (see `Horizon`).
 */
export async function runningTransactionsAndClaim(db: DbOrTx): Promise<{ snapshot: Snapshot; claimed: bigint }> {
  const result = await db.execute(sql`SELECT ${SNAPSHOT}, pg_current_xact_id()::text AS claimed`);
  const row = (result as unknown as { rows: SnapshotRow[] }).rows[0];
  return { snapshot: snapshotOf(row), claimed: BigInt(row?.claimed ?? '0') };
}

const WORDS_PER_STATEMENT = 5_000;

const parseTextArray = (text: string) =>
  text
    .replace(/^\{|\}$/g, '')
    .split(',')
    .filter(Boolean);

/** Each word's lexemes in the `russian` configuration (none for a stop word), as the stored vectors have them. */
export async function lexemesOfWords(db: DbOrTx, words: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  // A statement's parameters are limited (65,535): many words go a few thousand at a time.
  for (let from = 0; from < words.length; from += WORDS_PER_STATEMENT) {
    const list = sql.join(
      words.slice(from, from + WORDS_PER_STATEMENT).map((w) => sql`${w}`),
      sql`, `,
    );
    const result = await db.execute(
      sql`SELECT w AS word, ARRAY(SELECT unnest(tsvector_to_array(to_tsvector('russian'::regconfig, w)))) AS lexemes FROM unnest(ARRAY[${list}]::text[]) AS w`,
    );
    for (const row of (result as unknown as { rows: { word: string; lexemes: string[] | string }[] }).rows) {
      out.set(row.word, Array.isArray(row.lexemes) ? row.lexemes : parseTextArray(row.lexemes));
    }
  }
  return out;
}
