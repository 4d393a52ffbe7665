import type { DbOrTx } from '@bazar/kit/db/database';
import type { Category } from '../domain/category-tree.ts';
import { categories } from './schema.ts';

/** Every category by id (the table is small: a storefront has hundreds, not millions). */
export async function loadCategories(db: DbOrTx): Promise<Map<string, Category>> {
  const rows = await db
    .select({ id: categories.id, name: categories.name, slug: categories.slug, parentId: categories.parentId, path: categories.path })
    .from(categories);
  return new Map(rows.map((r) => [r.id, r]));
}
