import { InputError } from '@bazar/kit/errors';
import { decodePageCursor, encodePageCursor, MAX_OFFSET, type PageAfter, type PageCursor } from './page-cursor.ts';

export const SORTS = ['relevance', 'price_asc', 'price_desc', 'newest'] as const;
export type ProductSort = (typeof SORTS)[number];

/** One attribute filter: `attr.color=red,blue` → products whose `color` is red or blue. */
export interface AttributeFilter {
  name: string;
  values: string[];
}

/** A validated listing/search request. Prices are minor units of `currency` (the display currency). */
export interface ProductQuery {
  q: string | null;
  /** Category id or slug; products in its sub-categories match too. */
  category: string | null;
  minPrice: number | null;
  maxPrice: number | null;
  inStock: boolean | null;
  attributes: AttributeFilter[];
  sort: ProductSort;
  currency: string | null;
  limit: number;
  offset: number;
  /** From a keyset cursor: the page starts after this row (offset then only counts pages). */
  after: PageAfter | null;
}

export const MAX_LIMIT = 100;
const ATTRIBUTE_KEY = /^attr\.([\p{L}\p{N}_-]{1,64})$/u;
const KNOWN = new Set(['q', 'category', 'minPrice', 'maxPrice', 'inStock', 'sort', 'currency', 'limit', 'offset', 'cursor']);

// PostgreSQL text refuses NUL and JSON refuses lone surrogates: such input is a 400, never a 500.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type Raw = Record<string, unknown>;
type Problems = { path: string; message: string }[];

/** Records a problem and yields null, so readers stay one-liners. */
function fail(problems: Problems, path: string, message: string): null {
  problems.push({ path, message });
  return null;
}

function text(raw: Raw, key: string, problems: Problems, max = 200): string | null {
  const value = raw[key];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
    return fail(problems, key, 'must be a single value');
  const s = String(value).trim();
  if (s.includes('\0') || LONE_SURROGATE.test(s)) return fail(problems, key, 'must not contain NUL characters or unpaired surrogates');
  if (s.length > max) return fail(problems, key, `must be at most ${max} characters`);
  return s || null;
}

function integer(raw: Raw, key: string, problems: Problems, min: number, max: number): number | null {
  const s = text(raw, key, problems, 20);
  if (s === null) return null;
  const n = Number(s);
  if (!/^-?\d+$/.test(s) || !Number.isSafeInteger(n)) return fail(problems, key, 'must be an integer');
  if (n < min) return fail(problems, key, `must be >= ${min}`);
  if (n > max) return fail(problems, key, `must be <= ${max}`);
  return n;
}

function flag(raw: Raw, key: string, problems: Problems): boolean | null {
  const s = text(raw, key, problems, 5);
  if (s === null) return null;
  if (s === 'true' || s === '1') return true;
  if (s === 'false' || s === '0') return false;
  return fail(problems, key, 'must be true or false');
}

/** Reads `cursor` (the next offset, and for indexed sorts the keyset position) or `offset`. */
function startOf(raw: Raw, problems: Problems): PageCursor {
  const cursor = text(raw, 'cursor', problems);
  if (cursor === null) return { offset: integer(raw, 'offset', problems, 0, MAX_OFFSET) ?? 0, after: null };
  const decoded = decodePageCursor(cursor);
  if (!decoded) problems.push({ path: 'cursor', message: 'is not a cursor this API issued' });
  return decoded ?? { offset: 0, after: null };
}

/**
 * Validates the query string of `GET /products` and names every bad field at once: unknown
 * parameters, `limit` over 100, negative prices, unknown sorts, minPrice above maxPrice.
 */
export function parseProductQuery(raw: Raw): ProductQuery {
  const problems: Problems = [];
  const attributes: AttributeFilter[] = [];
  for (const key of Object.keys(raw)) {
    const match = ATTRIBUTE_KEY.exec(key);
    if (match?.[1]) {
      const values = (text(raw, key, problems) ?? '')
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);
      if (values.length > 0) attributes.push({ name: match[1], values: values.slice(0, 20) });
    } else if (!KNOWN.has(key)) {
      problems.push({ path: key, message: 'is not a known filter (attribute filters are attr.<name>=<value>[,<value>])' });
    }
  }
  const q = text(raw, 'q', problems);
  const sortText = text(raw, 'sort', problems, 20);
  const sort = sortText ?? (q ? 'relevance' : 'newest');
  if (!SORTS.includes(sort as ProductSort)) problems.push({ path: 'sort', message: `must be one of ${SORTS.join(', ')}` });
  const currency = text(raw, 'currency', problems, 3)?.toUpperCase() ?? null;
  if (currency && !/^[A-Z]{3}$/.test(currency)) problems.push({ path: 'currency', message: 'must be an ISO 4217 code' });
  const minPrice = integer(raw, 'minPrice', problems, 0, Number.MAX_SAFE_INTEGER);
  const maxPrice = integer(raw, 'maxPrice', problems, 0, Number.MAX_SAFE_INTEGER);
  if (minPrice !== null && maxPrice !== null && minPrice > maxPrice)
    problems.push({ path: 'minPrice', message: 'must not exceed maxPrice' });
  const query: ProductQuery = {
    q,
    category: text(raw, 'category', problems, 120),
    minPrice,
    maxPrice,
    inStock: flag(raw, 'inStock', problems),
    attributes,
    sort: sort as ProductSort,
    currency,
    limit: integer(raw, 'limit', problems, 1, MAX_LIMIT) ?? 20,
    ...startOf(raw, problems),
  };
  if (query.after && query.after.sort !== query.sort) problems.push({ path: 'cursor', message: 'was issued for another sort order' });
  if (problems.length > 0) throw new InputError(problems, 'The product filters are not valid');
  return query;
}

/**
 * The next cursor when a further page exists, else null: a keyset position when the page is in an
 * indexed order (`last` is its last row's key), else the next offset while within MAX_OFFSET.
 */
export function nextCursorOf(query: Pick<ProductQuery, 'offset' | 'limit'>, hasMore: boolean, last: PageAfter | null = null) {
  const offset = query.offset + query.limit;
  if (!hasMore || (!last && offset > MAX_OFFSET)) return null;
  return encodePageCursor({ offset, after: last });
}

/** A stable key of everything that shapes an answer, for memoising it. */
export const searchKeyOf = (query: ProductQuery) =>
  JSON.stringify([
    query.q,
    query.category,
    query.minPrice,
    query.maxPrice,
    query.inStock,
    query.attributes.map((a) => [a.name, a.values]),
    query.sort,
    query.currency,
    query.limit,
    query.offset,
    query.after,
  ]);
