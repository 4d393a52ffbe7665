import { useQuery } from '@tanstack/react-query';
import type { Schemas } from '../../api/client.ts';
import { categoriesQuery } from './queries.ts';

export type Category = Schemas['Category'];

export function flattenCategories(tree: Category[], depth = 0): (Category & { depth: number })[] {
  return tree.flatMap((c) => [{ ...c, depth }, ...flattenCategories(c.children, depth + 1)]);
}

export function useCategories() {
  return useQuery(categoriesQuery());
}
