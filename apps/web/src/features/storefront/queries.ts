import { queryOptions } from '@tanstack/react-query';
import { api, ok } from '../../api/client.ts';

/**
 * The storefront's queries, shared by the pages and by the router, which starts them as soon as a
 * URL is opened: the data then travels alongside the page's lazily loaded code, not after it.
 */
export const PAGE_SIZE = 24;
export const SORTS = ['relevance', 'price_asc', 'price_desc', 'newest'] as const;
export type Sort = (typeof SORTS)[number];

export const categoriesQuery = () =>
  queryOptions({ queryKey: ['categories'], queryFn: () => ok(api.GET('/api/v1/categories')), staleTime: 5 * 60_000 });

export const newestQuery = (currency: string | null) =>
  queryOptions({
    queryKey: ['products', 'newest', currency],
    queryFn: () => ok(api.GET('/api/v1/products', { params: { query: { sort: 'newest', limit: 12, ...(currency ? { currency } : {}) } } })),
  });

export const productQuery = (slug: string, currency: string | null) =>
  queryOptions({
    queryKey: ['product', slug, currency],
    queryFn: () =>
      ok(api.GET('/api/v1/products/{idOrSlug}', { params: { path: { idOrSlug: slug }, query: currency ? { currency } : {} } })),
  });

/** The search page's state, all of it in the URL. */
export function readSearch(params: URLSearchParams) {
  const sort = (SORTS as readonly string[]).includes(params.get('sort') ?? '') ? (params.get('sort') as Sort) : undefined;
  const page = Number(params.get('page') ?? '1') || 1;
  const number = (name: string) => (params.get(name) ? Number(params.get(name)) : undefined);
  return { q: params.get('q') ?? '', sort, page, number };
}

export function searchQuery(params: URLSearchParams, currency: string | null) {
  const { q, sort, page, number } = readSearch(params);
  const query = {
    ...(q ? { q } : {}),
    ...(params.get('category') ? { category: params.get('category') as string } : {}),
    ...(number('minPrice') !== undefined ? { minPrice: number('minPrice') } : {}),
    ...(number('maxPrice') !== undefined ? { maxPrice: number('maxPrice') } : {}),
    ...(params.get('inStock') === 'true' ? { inStock: true } : {}),
    ...(sort ? { sort } : {}),
    ...(currency ? { currency } : {}),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  return queryOptions({ queryKey: ['products', query], queryFn: () => ok(api.GET('/api/v1/products', { params: { query } })) });
}
