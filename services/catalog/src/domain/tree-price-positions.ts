/** Which products of a tree a listing counts: all live ones, those in stock, or those out of stock. */
export type StockWant = 'any' | 'stocked' | 'unstocked';

/** What a listing asks of each category tree it covers, within a stretch [from, to) of the cheapest-first order. */
export interface TreeStretch {
  count: number;
  /** The first and last position of the stretch holding one of them; -1 when none does. */
  first: number;
  last: number;
}

function lowerBound(list: Int32Array, target: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Per category tree, the cheapest-first positions of its live products, in stock and out of stock
 * apart: a listing's count, facets and price range within price bounds become two binary searches
 * per tree instead of a walk over its matches. Built in one pass over the order; rebuilt when it changes.
 */
export class TreePricePositions {
  private constructor(
    private readonly stocked: Int32Array[],
    private readonly unstocked: Int32Array[],
  ) {}

  /** From the cheapest-first order of every slot and each slot's state: 1 when live, 2 when in stock, its tree number above. */
  static build(order: Int32Array, trees: number, stateOf: (slot: number) => number): TreePricePositions {
    // Per position, 0 for a live product in stock, 1 out of stock, -1 for a dead slot.
    const kindAt = (position: number) => {
      const state = stateOf(order[position] as number);
      return (state & 1) === 0 ? -1 : (state & 2) !== 0 ? 0 : 1;
    };
    const sizes = [new Int32Array(trees), new Int32Array(trees)] as const;
    for (let position = 0; position < order.length; position++) {
      const kind = kindAt(position);
      if (kind < 0) continue;
      const perTree = sizes[kind as 0 | 1];
      const tree = stateOf(order[position] as number) >>> 2;
      perTree[tree] = (perTree[tree] as number) + 1;
    }
    const lists = sizes.map((perTree) => Array.from(perTree, (n) => new Int32Array(n))) as [Int32Array[], Int32Array[]];
    const filled = [new Int32Array(trees), new Int32Array(trees)] as const;
    for (let position = 0; position < order.length; position++) {
      const kind = kindAt(position);
      if (kind < 0) continue;
      const tree = stateOf(order[position] as number) >>> 2;
      const at = filled[kind as 0 | 1][tree] as number;
      (lists[kind as 0 | 1][tree] as Int32Array)[at] = position;
      filled[kind as 0 | 1][tree] = at + 1;
    }
    return new TreePricePositions(lists[0], lists[1]);
  }

  /** The tree's products of `want` at positions [from, to): how many, and the first and last position. */
  within(tree: number, want: StockWant, from: number, to: number): TreeStretch {
    const out: TreeStretch = { count: 0, first: -1, last: -1 };
    if (want !== 'unstocked') this.add(out, this.stocked[tree], from, to);
    if (want !== 'stocked') this.add(out, this.unstocked[tree], from, to);
    return out;
  }

  private add(out: TreeStretch, list: Int32Array | undefined, from: number, to: number): void {
    if (!list) return;
    const start = lowerBound(list, from);
    const end = lowerBound(list, to);
    if (end <= start) return;
    out.count += end - start;
    const first = list[start] as number;
    const last = list[end - 1] as number;
    if (out.first === -1 || first < out.first) out.first = first;
    if (last > out.last) out.last = last;
  }
}
