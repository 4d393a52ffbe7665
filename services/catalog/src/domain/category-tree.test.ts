import { describe, expect, it } from 'vitest';
import { type Category, pathsAfterMove } from './category-tree.ts';

const category = (id: string, path: string[]): Category => ({ id, name: id, slug: id, parentId: path.at(-2) ?? null, path });
const byId = new Map(
  [
    category('home', ['home']),
    category('kitchen', ['home', 'kitchen']),
    category('knives', ['home', 'kitchen', 'knives']),
    category('garden', ['garden']),
  ].map((c) => [c.id, c]),
);

describe('pathsAfterMove', () => {
  it('re-roots the category and everything under it below the new parent', () => {
    expect(pathsAfterMove(byId, 'kitchen', 'garden')).toEqual(
      new Map([
        ['kitchen', ['garden', 'kitchen']],
        ['knives', ['garden', 'kitchen', 'knives']],
      ]),
    );
  });

  it('makes a root of it with no parent', () => {
    expect(pathsAfterMove(byId, 'knives', null)).toEqual(new Map([['knives', ['knives']]]));
  });

  it('refuses a move under itself or a descendant, and knows no unknown parent or category', () => {
    expect(pathsAfterMove(byId, 'home', 'knives')).toBeUndefined();
    expect(pathsAfterMove(byId, 'home', 'home')).toBeUndefined();
    expect(pathsAfterMove(byId, 'home', 'nowhere')).toBeUndefined();
    expect(pathsAfterMove(byId, 'nowhere', 'home')).toBeUndefined();
  });
});
