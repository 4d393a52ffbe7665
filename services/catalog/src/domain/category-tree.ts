/** A category as stored: `path` lists ancestor ids root first, ending with its own id. */
export interface Category {
  id: string;
  name: string;
  slug: string;
  parentId: string | null;
  path: string[];
}

export interface CategoryNode {
  id: string;
  name: string;
  slug: string;
  parentId: string | null;
  children: CategoryNode[];
}

/** Builds the forest of categories, siblings by name (locale-aware, so Cyrillic sorts properly). */
export function buildCategoryTree(categories: readonly Category[]): CategoryNode[] {
  const nodes = new Map<string, CategoryNode>();
  for (const c of categories) nodes.set(c.id, { id: c.id, name: c.name, slug: c.slug, parentId: c.parentId, children: [] });
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: CategoryNode[]) => {
    list.sort((a, b) => a.name.localeCompare(b.name, 'ru'));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** Every category id a product in `categoryIds` belongs to, ancestors included (what filters match on). */
export function categoryTreeOf(categoryIds: readonly string[], byId: ReadonlyMap<string, Pick<Category, 'path'>>): string[] {
  const ids = new Set<string>();
  for (const id of categoryIds) for (const ancestor of byId.get(id)?.path ?? [id]) ids.add(ancestor);
  return [...ids];
}

/**
 * The paths of a category and everything under it after moving it under `parentId` (null: a root).
 * Undefined when the new parent is the category itself or one of its descendants (a cycle).
 */
export function pathsAfterMove(
  byId: ReadonlyMap<string, Category>,
  id: string,
  parentId: string | null,
): Map<string, string[]> | undefined {
  const moved = byId.get(id);
  if (!moved) return undefined;
  const parentPath = parentId ? byId.get(parentId)?.path : [];
  if (!parentPath || parentPath.includes(id)) return undefined;
  const paths = new Map<string, string[]>();
  for (const category of byId.values()) {
    const at = category.path.indexOf(id);
    if (at >= 0) paths.set(category.id, [...parentPath, ...category.path.slice(at)]);
  }
  return paths;
}
