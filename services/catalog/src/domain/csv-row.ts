import type { AttributeValue, Product } from './product.ts';

/**
 * CSV columns, one row per variant; rows sharing a `handle` (the product slug) form one product.
 * Product columns may be left empty on a product's later rows. See docs in services/catalog/README.md.
 */
export const CSV_COLUMNS = [
  'handle',
  'title',
  'description',
  'categories',
  'attributes',
  'images',
  'sku',
  'barcode',
  'variant_title',
  'options',
  'price',
  'currency',
  'stock',
] as const;

export interface CsvRow {
  line: number;
  handle: string;
  title: string;
  description: string;
  categorySlugs: string[];
  attributes: Record<string, AttributeValue> | null;
  images: string[];
  sku: string;
  barcode: string | null;
  variantTitle: string;
  options: Record<string, string>;
  price: number;
  currency: string;
  stock: number | null;
}

const list = (cell: string) =>
  cell
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);

function jsonObject(cell: string, column: string, isValue: (v: unknown) => boolean): Record<string, never> | string {
  if (!cell) return {};
  try {
    const value: unknown = JSON.parse(cell);
    if (value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every(isValue))
      return value as Record<string, never>;
  } catch {
    // reported below
  }
  return `${column} must be a JSON object of flat values, e.g. {"color":"red"}`;
}

/** Checks one CSV record; returns the row or the reasons it is refused (reported with its line number). */
export function parseCsvRow(
  record: Record<string, string | undefined>,
  line: number,
  base: string,
): CsvRow | { line: number; message: string } {
  const cell = (name: (typeof CSV_COLUMNS)[number]) => (record[name] ?? '').trim();
  const problems: string[] = [];
  const handle = cell('handle');
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(handle)) problems.push('handle must be a slug (lower-case latin words joined by hyphens)');
  const sku = cell('sku');
  if (!/^\S{1,64}$/.test(sku)) problems.push('sku is required (no spaces, at most 64 characters)');
  const price = Number(cell('price'));
  if (!/^\d+$/.test(cell('price')) || !Number.isSafeInteger(price)) problems.push('price must be a non-negative integer of minor units');
  const currency = cell('currency').toUpperCase() || base;
  if (currency !== base) problems.push(`currency must be the store currency ${base}`);
  const stockCell = cell('stock');
  if (stockCell && !/^\d+$/.test(stockCell)) problems.push('stock must be a non-negative integer');
  const attributes = cell('attributes')
    ? jsonObject(cell('attributes'), 'attributes', (v) => ['string', 'number', 'boolean'].includes(typeof v))
    : null;
  if (typeof attributes === 'string') problems.push(attributes);
  const options = jsonObject(cell('options'), 'options', (v) => typeof v === 'string');
  if (typeof options === 'string') problems.push(options);
  const images = list(cell('images'));
  if (images.some((url) => !/^https?:\/\/\S+$/.test(url))) problems.push('images must be http(s) URLs separated by |');
  if (problems.length > 0) return { line, message: problems.join('; ') };
  return {
    line,
    handle,
    title: cell('title'),
    description: cell('description'),
    categorySlugs: list(cell('categories')),
    attributes: attributes as Record<string, AttributeValue> | null,
    images,
    sku,
    barcode: cell('barcode') || null,
    variantTitle: cell('variant_title'),
    options: options as Record<string, string>,
    price,
    currency,
    stock: stockCell ? Number(stockCell) : null,
  };
}

export const isCsvRow = (r: CsvRow | { message: string }): r is CsvRow => !('message' in r);

/** Groups valid rows by handle, in first-seen order. */
export function groupByHandle(rows: readonly CsvRow[]): CsvRow[][] {
  const groups = new Map<string, CsvRow[]>();
  for (const row of rows) {
    const group = groups.get(row.handle);
    if (group) group.push(row);
    else groups.set(row.handle, [row]);
  }
  return [...groups.values()];
}

/** A product as CSV records (one per variant), the inverse of import. */
export function toCsvRecords(product: Product, categorySlugs: string[]): Record<(typeof CSV_COLUMNS)[number], string>[] {
  return product.variants.map((v) => ({
    handle: product.slug,
    title: product.title,
    description: product.description,
    categories: categorySlugs.join('|'),
    attributes: Object.keys(product.attributes).length > 0 ? JSON.stringify(product.attributes) : '',
    images: product.images.join('|'),
    sku: v.sku,
    barcode: v.barcode ?? '',
    variant_title: v.title,
    options: Object.keys(v.options).length > 0 ? JSON.stringify(v.options) : '',
    price: String(v.price.amount),
    currency: v.price.currency,
    stock: String(v.available),
  }));
}
