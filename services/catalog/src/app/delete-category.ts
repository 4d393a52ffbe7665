import { eq, sql } from 'drizzle-orm';
import { lockCategoryTree } from '../db/category-repo.ts';
import { categories, products } from '../db/schema.ts';
import { CategoryInUse, CategoryNotFound } from '../domain/catalog.errors.ts';
import type { CatalogContext } from './context.ts';

/** Removes a category nothing hangs on: no sub-categories, no products (archived ones included). */
export async function deleteCategory(ctx: CatalogContext, id: string): Promise<void> {
  await ctx.deps.uow(async ({ tx }) => {
    await lockCategoryTree(tx);
    const [found] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.id, id));
    if (!found) throw CategoryNotFound(id);
    const [children] = await tx.select({ n: sql<number>`count(*)::int` }).from(categories).where(eq(categories.parentId, id));
    const [used] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(products)
      .where(sql`${products.categoryIds} @> ARRAY[${id}]::uuid[]`);
    if ((children?.n ?? 0) > 0 || (used?.n ?? 0) > 0) throw CategoryInUse(id, children?.n ?? 0, used?.n ?? 0);
    await tx.delete(categories).where(eq(categories.id, id));
  });
  ctx.searchMemo.clear();
  ctx.categorySlugs.clear();
}
