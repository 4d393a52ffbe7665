import { loadCategories } from '../db/category-repo.ts';
import { buildCategoryTree, type CategoryNode } from '../domain/category-tree.ts';
import type { CatalogContext } from './context.ts';

/** The whole category tree, roots first. */
export async function listCategories(ctx: CatalogContext): Promise<CategoryNode[]> {
  return buildCategoryTree([...(await loadCategories(ctx.deps.db)).values()]);
}
