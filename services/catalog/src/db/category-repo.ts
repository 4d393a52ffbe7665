import type { DbOrTx, Tx } from '@bazar/kit/db/database';
import { sql } from 'drizzle-orm';
import type { Category } from '../domain/category-tree.ts';
import { categories } from './schema.ts';

/** Every category by id (the table is small: a storefront has hundreds, not millions). */
export async function loadCategories(db: DbOrTx): Promise<Map<string, Category>> {
  const rows = await db
    .select({ id: categories.id, name: categories.name, slug: categories.slug, parentId: categories.parentId, path: categories.path })
    .from(categories);
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Takes the category tree for a change to it (create, move, rename, delete): one such change at a
 * time, so a move never closes a cycle another did not see and no child lands under a category
 * being removed; product writes (`holdCategories`) wait for it and it for them.
 */
export async function lockCategoryTree(tx: Tx): Promise<void> {
  await tx.execute(sql`LOCK TABLE ${categories} IN SHARE ROW EXCLUSIVE MODE`);
}

/**
 * Holds the category tree still for a product write: creations, moves and deletions of categories
 * (which take SHARE ROW EXCLUSIVE) wait for it and it for them, while product writes do not wait
 * for each other. Without it a product could be saved naming a category deleted at that moment, or
 * with ancestors a move has just changed. Take it before locking the product row: a move updates
 * product rows while it holds its own lock.
 */
export async function holdCategories(tx: Tx): Promise<void> {
  await tx.execute(sql`LOCK TABLE ${categories} IN SHARE MODE`);
}
