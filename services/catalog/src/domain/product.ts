import type { Money } from '@bazar/kit/money';
/** Attribute values are free-form but flat, so `@>` filters and CSV cells stay simple. */
export type AttributeValue = string | number | boolean;

/** A sellable variant; `available` is the read model of stock across warehouses. */
export interface Variant {
  id: string;
  sku: string;
  barcode: string | null;
  title: string;
  options: Record<string, string>;
  price: Money;
  available: number;
}

export interface Product {
  id: string;
  slug: string;
  title: string;
  description: string;
  categoryIds: string[];
  attributes: Record<string, AttributeValue>;
  images: string[];
  variants: Variant[];
  createdAt: Date;
  updatedAt: Date;
  archivedAt: Date | null;
}

export interface VariantView {
  id: string;
  sku: string;
  barcode: string | null;
  title: string;
  options: Record<string, string>;
  price: Money;
  inStock: boolean;
}

/** The product as the API shows it (CONTRACT `product`), plus `archived` and `updatedAt`. */
export interface ProductView {
  id: string;
  slug: string;
  title: string;
  description: string;
  categoryIds: string[];
  attributes: Record<string, AttributeValue>;
  images: string[];
  price: Money;
  inStock: boolean;
  archived: boolean;
  variants: VariantView[];
  createdAt: string;
  updatedAt: string;
}

/** The lowest variant price: what a listing shows as "from". */
export function lowestPrice(variants: readonly { price: Money }[]): Money {
  const [first, ...rest] = variants;
  if (!first) throw new RangeError('a product has at least one variant');
  return rest.reduce((low, v) => (v.price.amount < low.amount ? v.price : low), first.price);
}

export const isInStock = (variants: readonly { available: number }[]) => variants.some((v) => v.available > 0);

/** Maps a product to its API view, prices in the base currency (what the cache keeps). */
export function toProductView(product: Product): ProductView {
  return {
    id: product.id,
    slug: product.slug,
    title: product.title,
    description: product.description,
    categoryIds: product.categoryIds,
    attributes: product.attributes,
    images: product.images,
    price: lowestPrice(product.variants),
    inStock: isInStock(product.variants),
    archived: product.archivedAt !== null,
    variants: product.variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      barcode: v.barcode,
      title: v.title,
      options: v.options,
      price: v.price,
      inStock: v.available > 0,
    })),
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
  };
}

/** The same view with every price converted to the display currency. */
export function displayIn(view: ProductView, convert: (price: Money) => Money): ProductView {
  return { ...view, price: convert(view.price), variants: view.variants.map((v) => ({ ...v, price: convert(v.price) })) };
}

/** Words the generated search vector gets besides title and description: SKUs, barcodes, attribute values. */
export function searchExtraOf(product: Pick<Product, 'attributes'> & { variants: readonly { sku: string; barcode: string | null }[] }) {
  const codes = product.variants.flatMap((v) => [v.sku, v.barcode ?? '']);
  const values = Object.values(product.attributes).map(String);
  return [...codes, ...values].filter(Boolean).join(' ');
}
