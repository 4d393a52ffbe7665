import { neutraliseFormula } from '@bazar/kit/csv';
import { stringify } from 'csv-stringify/sync';
import { and, asc, gt, isNull } from 'drizzle-orm';
import { loadCategories } from '../db/category-repo.ts';
import { listingColumns, withVariants } from '../db/product-repo.ts';
import { products } from '../db/schema.ts';
import { CSV_COLUMNS, toCsvRecords } from '../domain/csv-row.ts';
import type { CatalogContext } from './context.ts';

const PAGE = 500;

/** Every live product as CSV (the import format), streamed page by page in id order. */
export async function* exportProducts(ctx: CatalogContext): AsyncGenerator<string> {
  const slugOf = new Map([...(await loadCategories(ctx.deps.db)).values()].map((c) => [c.id, c.slug]));
  yield stringify([], { header: true, columns: [...CSV_COLUMNS] });
  let after: string | undefined;
  for (;;) {
    const rows = await ctx.deps.db
      .select(listingColumns)
      .from(products)
      .where(and(isNull(products.archivedAt), after ? gt(products.id, after) : undefined))
      .orderBy(asc(products.id))
      .limit(PAGE);
    if (rows.length === 0) return;
    const page = await withVariants(ctx.deps.db, rows);
    const records = page.flatMap((p) => toCsvRecords(p, p.categoryIds.map((id) => slugOf.get(id) ?? '').filter(Boolean)));
    yield stringify(records, { columns: [...CSV_COLUMNS], cast: { string: neutraliseFormula } });
    after = rows[rows.length - 1]?.id;
  }
}
