import { money } from '@bazar/kit/money';
import { inArray } from 'drizzle-orm';
import { variants } from '../db/schema.ts';
import { newProduct } from '../domain/product-changes.ts';
import { slugify } from '../domain/slug.ts';
import type { CatalogContext } from './context.ts';
import { persistProductChange } from './product-writes.ts';

/** Materials the demo service types issue to workers (orders' demo order types name these SKUs). */
export const DEMO_MATERIALS = [
  { sku: 'MAT-DRAIN-PUMP', title: 'Drain pump for washing machines', price: 240_000 },
  { sku: 'MAT-DRAIN-HOSE', title: 'Drain hose, 2 m', price: 45_000 },
  { sku: 'MAT-CONFIRMAT-50', title: 'Confirmat screws 7×50, pack of 50', price: 30_000 },
  { sku: 'MAT-DOWEL-100', title: 'Wooden dowels 8×30, pack of 100', price: 20_000 },
] as const;

/** Adds the demo materials whose SKU is missing, each with 50 in stock. */
export async function seedDemoMaterials(ctx: CatalogContext): Promise<string[]> {
  const skus = DEMO_MATERIALS.map((m) => m.sku);
  const present = new Set(
    (await ctx.deps.db.select({ sku: variants.sku }).from(variants).where(inArray(variants.sku, skus))).map((r) => r.sku),
  );
  const missing = DEMO_MATERIALS.filter((m) => !present.has(m.sku));
  if (missing.length === 0) return [];
  await ctx.deps.uow(async (tx) => {
    for (const m of missing) {
      const draft = {
        title: m.title,
        description: 'Issued to workers for service jobs.',
        categoryIds: [],
        attributes: {},
        images: [],
        variants: [{ sku: m.sku, barcode: null, title: m.title, options: {}, price: money(m.price, ctx.config.BASE_CURRENCY), stock: 50 }],
      };
      const { product, created } = newProduct(draft, slugify(m.sku), { newId: ctx.deps.ids.next, now: ctx.deps.clock.now() });
      await persistProductChange(tx, product, created);
    }
  });
  ctx.searchMemo.clear();
  return [`catalog: seeded ${missing.length} demo materials for service jobs`];
}
