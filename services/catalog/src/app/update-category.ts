import { isUniqueViolation } from '@bazar/kit/errors';
import { eq, sql } from 'drizzle-orm';
import { loadCategories, lockCategoryTree } from '../db/category-repo.ts';
import { categories, products } from '../db/schema.ts';
import { CategoryCycle, CategoryNameTaken, CategoryNotFound } from '../domain/catalog.errors.ts';
import { buildCategoryTree, type CategoryNode, pathsAfterMove } from '../domain/category-tree.ts';
import type { CatalogContext } from './context.ts';

/**
 * Renames a category and/or moves it (with everything under it) under another parent, or to the
 * top with `parentId: null`. The slug stays, so links to it keep working. Products under a moved
 * branch get their category trees recomputed in the same transaction, so filters by the old
 * ancestors stop matching them and filters by the new ones start.
 */
export async function updateCategory(
  ctx: CatalogContext,
  input: { id: string; name?: string; parentId?: string | null },
): Promise<CategoryNode> {
  const name = input.name?.trim();
  // For the error: a move can collide with a sibling's name as much as a rename.
  let finalName = name ?? '';
  try {
    const node = await ctx.deps.uow(async ({ tx }) => {
      await lockCategoryTree(tx);
      const known = await loadCategories(tx);
      const category = known.get(input.id);
      if (!category) throw CategoryNotFound(input.id);
      finalName = name ?? category.name;
      const parentId = input.parentId === undefined ? category.parentId : input.parentId;
      if (parentId && !known.has(parentId)) throw CategoryNotFound(parentId);
      if (name !== undefined && name !== category.name) {
        await tx.update(categories).set({ name }).where(eq(categories.id, category.id));
        known.set(category.id, { ...category, name });
      }
      if (parentId !== category.parentId) {
        const paths = pathsAfterMove(known, category.id, parentId);
        if (!paths) throw CategoryCycle(category.id, parentId as string);
        for (const [id, path] of paths) {
          const moved = id === category.id ? { path, parentId } : { path };
          await tx.update(categories).set(moved).where(eq(categories.id, id));
          const current = known.get(id);
          if (current) known.set(id, { ...current, ...moved });
        }
        // Every product in the moved branch: its tree is the union of its categories' new paths
        // (`categoryTreeOf`, worked out here in SQL so a big branch is one statement).
        await tx.execute(sql`
          UPDATE ${products} p SET category_tree = coalesce((
            SELECT array_agg(DISTINCT ancestor) FROM ${categories} c, unnest(c.path) ancestor WHERE c.id = ANY(p.category_ids)
          ), '{}')
          WHERE p.category_tree && ARRAY[${sql.join(
            [...paths.keys()].map((id) => sql`${id}`),
            sql`, `,
          )}]::uuid[]`);
      }
      return findNode(buildCategoryTree([...known.values()]), category.id) as CategoryNode;
    });
    ctx.searchMemo.clear();
    ctx.categorySlugs.clear();
    return node;
  } catch (error) {
    if (isUniqueViolation(error, 'categories_sibling_name_key')) throw CategoryNameTaken(finalName);
    throw error;
  }
}

function findNode(nodes: CategoryNode[], id: string): CategoryNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return undefined;
}
