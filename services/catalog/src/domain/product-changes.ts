import { InputError } from '@bazar/kit/errors';
import type { Money } from '@bazar/kit/money';
import { BarcodeTaken, LastVariant, SkuTaken, UnknownVariant, VariantNotFound } from './catalog.errors.ts';
import type { AttributeValue, Product, Variant } from './product.ts';

/** A variant as create/patch bodies carry it; with `id` a patch updates that variant, without it adds one. */
export interface VariantDraft {
  id?: string;
  sku: string;
  title?: string;
  barcode?: string | null;
  options?: Record<string, string>;
  /** Already normalised to base-currency Money by the use case. */
  price: Money;
  stock?: number;
}

export interface ProductDraft {
  title: string;
  description: string;
  categoryIds?: string[];
  attributes?: Record<string, AttributeValue>;
  images?: string[];
  variants: VariantDraft[];
}

export type ProductPatch = Partial<ProductDraft> & { slug?: string };

/** A variant that did not exist before this change, with the stock it starts with. */
export interface CreatedVariant {
  variant: Variant;
  initialStock: number;
}

export interface ChangeEnv {
  newId: () => string;
  now: Date;
}

const variantTitle = (d: VariantDraft, productTitle: string) =>
  d.title?.trim() || Object.values(d.options ?? {}).join(' / ') || productTitle;

/** Attributes are flat: each value a string (≤ 500 chars), a finite number or a boolean. */
export function assertFlatAttributes(attributes: Record<string, unknown> | undefined) {
  const bad = Object.entries(attributes ?? {}).filter(
    ([, v]) => !(typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length <= 500)),
  );
  if (bad.length > 0) throw new InputError(bad.map(([k]) => ({ path: `attributes.${k}`, message: 'must be a string, number or boolean' })));
}

/** Refuses a request that repeats a SKU (case-insensitively) or a barcode among its own variants. */
export function assertDistinctCodes(variants: readonly Pick<VariantDraft, 'sku' | 'barcode'>[]) {
  const skus = new Set<string>();
  const barcodes = new Set<string>();
  for (const v of variants) {
    const sku = v.sku.toUpperCase();
    if (skus.has(sku)) throw SkuTaken(v.sku);
    skus.add(sku);
    if (v.barcode) {
      if (barcodes.has(v.barcode)) throw BarcodeTaken(v.barcode);
      barcodes.add(v.barcode);
    }
  }
}

function newVariant(draft: VariantDraft, productTitle: string, env: ChangeEnv): CreatedVariant {
  return {
    variant: {
      id: env.newId(),
      sku: draft.sku.trim(),
      barcode: draft.barcode?.trim() || null,
      title: variantTitle(draft, productTitle),
      options: draft.options ?? {},
      price: draft.price,
      available: draft.stock ?? 0,
    },
    initialStock: draft.stock ?? 0,
  };
}

/** A new product from a draft; every variant is new and starts with its `stock`. */
export function newProduct(draft: ProductDraft, slug: string, env: ChangeEnv): { product: Product; created: CreatedVariant[] } {
  assertDistinctCodes(draft.variants);
  assertFlatAttributes(draft.attributes);
  const title = draft.title.trim();
  const created = draft.variants.map((v) => newVariant(v, title, env));
  const product: Product = {
    id: env.newId(),
    slug,
    title,
    description: draft.description.trim(),
    categoryIds: [...new Set(draft.categoryIds ?? [])],
    attributes: draft.attributes ?? {},
    images: draft.images ?? [],
    variants: created.map((c) => c.variant),
    createdAt: env.now,
    updatedAt: env.now,
    archivedAt: null,
  };
  return { product, created };
}

/**
 * Applies a partial change. Variants in the patch with an `id` (or a known SKU) are updated,
 * others are added; variants left out stay as they are (orders may reference them).
 */
export function applyPatch(product: Product, patch: ProductPatch, env: ChangeEnv): { product: Product; created: CreatedVariant[] } {
  assertFlatAttributes(patch.attributes);
  const title = patch.title?.trim() ?? product.title;
  const variants = [...product.variants];
  const created: CreatedVariant[] = [];
  for (const draft of patch.variants ?? []) {
    const index = variants.findIndex((v) => (draft.id ? v.id === draft.id : v.sku.toUpperCase() === draft.sku.toUpperCase()));
    const existing = variants[index];
    if (!existing) {
      if (draft.id) throw UnknownVariant(draft.id);
      const fresh = newVariant(draft, title, env);
      variants.push(fresh.variant);
      created.push(fresh);
      continue;
    }
    variants[index] = {
      ...existing,
      sku: draft.sku.trim(),
      barcode: draft.barcode === undefined ? existing.barcode : draft.barcode?.trim() || null,
      title: draft.title?.trim() || existing.title,
      options: draft.options ?? existing.options,
      price: draft.price,
    };
  }
  assertDistinctCodes(variants);
  const next: Product = {
    ...product,
    slug: patch.slug ?? product.slug,
    title,
    description: patch.description?.trim() ?? product.description,
    categoryIds: patch.categoryIds ? [...new Set(patch.categoryIds)] : product.categoryIds,
    attributes: patch.attributes ?? product.attributes,
    images: patch.images ?? product.images,
    variants,
    updatedAt: env.now,
  };
  return { product: next, created };
}

/**
 * Takes a variant off the product: it is no longer sold, shown or found by its SKU or barcode.
 * Orders keep their own copy of what was bought, and a cart still holding it shows it unavailable.
 * The only variant cannot go (a product is sold through its variants): archive the product instead.
 */
export function withoutVariant(product: Product, variantId: string, now: Date): Product {
  if (!product.variants.some((v) => v.id === variantId)) throw VariantNotFound(product.id, variantId);
  if (product.variants.length === 1) throw LastVariant(variantId);
  return { ...product, variants: product.variants.filter((v) => v.id !== variantId), updatedAt: now };
}

/** Archiving hides a product from listings and search; it stays readable by id. Idempotent. */
export function markArchived(product: Product, now: Date): Product {
  return product.archivedAt ? product : { ...product, archivedAt: now, updatedAt: now };
}
