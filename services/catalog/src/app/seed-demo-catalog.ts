import { money } from '@bazar/kit/money';
import { loadCategories } from '../db/category-repo.ts';
import { products } from '../db/schema.ts';
import { demoCategoryPaths, generateDemoCatalog } from '../domain/demo-catalog.ts';
import { newProduct } from '../domain/product-changes.ts';
import { slugify, uniqueSlug } from '../domain/slug.ts';
import type { CatalogContext } from './context.ts';
import { createCategory } from './create-category.ts';
import { persistProductChange } from './product-writes.ts';

const DEMO_SEED = 20_240_301;
const BATCH = 50;

/** Finds or creates every demo category, returning leaf ids by "Root/Leaf". */
async function ensureDemoCategories(ctx: CatalogContext): Promise<Map<string, string>> {
  const existing = [...(await loadCategories(ctx.deps.db)).values()];
  const find = (name: string, parentId: string | null) => existing.find((c) => c.name === name && c.parentId === parentId)?.id;
  const leaves = new Map<string, string>();
  for (const [root, leaf] of demoCategoryPaths()) {
    const rootId = find(root, null) ?? (await createCategory(ctx, { name: root })).id;
    if (!existing.some((c) => c.id === rootId)) existing.push({ id: rootId, name: root, slug: '', parentId: null, path: [rootId] });
    const leafId = find(leaf, rootId) ?? (await createCategory(ctx, { name: leaf, parentId: rootId })).id;
    leaves.set(`${root}/${leaf}`, leafId);
  }
  return leaves;
}

/** Loads the generated demo catalogue with stock; does nothing when any product exists. */
export async function seedDemoCatalog(ctx: CatalogContext): Promise<string[]> {
  const count = ctx.config.CATALOG_DEMO_PRODUCTS;
  const [any] = await ctx.deps.db.select({ id: products.id }).from(products).limit(1);
  if (any || count === 0) return [];
  const leaves = await ensureDemoCategories(ctx);
  const base = ctx.config.BASE_CURRENCY;
  const demo = generateDemoCatalog({ seed: DEMO_SEED, count });
  const slugs = new Set<string>();
  for (let start = 0; start < demo.length; start += BATCH) {
    await ctx.deps.uow(async (tx) => {
      for (const item of demo.slice(start, start + BATCH)) {
        const slug = uniqueSlug(slugify(item.title), slugs);
        slugs.add(slug);
        const draft = {
          title: item.title,
          description: item.description,
          categoryIds: [leaves.get(item.category.join('/')) ?? ''],
          attributes: item.attributes,
          images: item.images,
          variants: item.variants.map((v) => ({ ...v, price: money(v.price, base) })),
        };
        const { product, created } = newProduct(draft, slug, { newId: ctx.deps.ids.next, now: ctx.deps.clock.now() });
        await persistProductChange(tx, product, created);
      }
    });
  }
  ctx.searchMemo.clear();
  return [`catalog: seeded ${demo.length} demo products`];
}
