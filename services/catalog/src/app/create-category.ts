import { isUniqueViolation } from '@bazar/kit/errors';
import { loadCategories, lockCategoryTree } from '../db/category-repo.ts';
import { categories } from '../db/schema.ts';
import { CategoryNameTaken, CategoryNotFound } from '../domain/catalog.errors.ts';
import type { CategoryNode } from '../domain/category-tree.ts';
import { slugify, uniqueSlug } from '../domain/slug.ts';
import type { CatalogContext } from './context.ts';

/** Adds a category under `parentId` (or as a root); its slug is transliterated and unique. */
export async function createCategory(ctx: CatalogContext, input: { name: string; parentId?: string | null }): Promise<CategoryNode> {
  const name = input.name.trim();
  try {
    const node = await ctx.deps.uow(async ({ tx }) => {
      await lockCategoryTree(tx);
      const known = await loadCategories(tx);
      const parent = input.parentId ? known.get(input.parentId) : undefined;
      if (input.parentId && !parent) throw CategoryNotFound(input.parentId);
      const id = ctx.deps.ids.next();
      const slug = uniqueSlug(slugify(name), new Set([...known.values()].map((c) => c.slug)));
      await tx.insert(categories).values({
        id,
        name,
        slug,
        parentId: parent?.id ?? null,
        path: [...(parent?.path ?? []), id],
        createdAt: ctx.deps.clock.now(),
      });
      return { id, name, slug, parentId: parent?.id ?? null, children: [] };
    });
    ctx.searchMemo.clear();
    ctx.categorySlugs.clear();
    return node;
  } catch (error) {
    if (isUniqueViolation(error, 'categories_sibling_name_key')) throw CategoryNameTaken(name);
    throw error;
  }
}
