import { useQuery } from '@tanstack/react-query';
import { api, ok, type Schemas } from '../../api/client.ts';

export type Category = Schemas['Category'];

export function flattenCategories(tree: Category[], depth = 0): (Category & { depth: number })[] {
  return tree.flatMap((c) => [{ ...c, depth }, ...flattenCategories(c.children, depth + 1)]);
}

export function useCategories() {
  return useQuery({ queryKey: ['categories'], queryFn: () => ok(api.GET('/api/v1/categories')), staleTime: 5 * 60_000 });
}
