import { Int32List } from './grown.ts';

const EMPTY = new Int32Array(0);
/** New lexemes wait in a small sorted list of their own until there are this many, then join the main order. */
const RECENT_MAX = 65_536;

function firstNotBefore(sorted: string[], prefix: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as string) < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function mergeSorted(a: string[], b: string[]): string[] {
  const out = new Array<string>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = (a[i] as string) <= (b[j] as string) ? (a[i++] as string) : (b[j++] as string);
  while (i < a.length) out[k++] = a[i++] as string;
  while (j < b.length) out[k++] = b[j++] as string;
  return out;
}

/**
 * Per lexeme, its postings in the order added. Most lexemes of a real catalogue (barcodes, SKU parts,
 * model numbers) belong to one product: such a lexeme keeps its one posting as a plain number, so it
 * costs the collector its string and nothing more; longer lists live in untraced typed arrays.
 * Lexemes are also kept in text order for prefix matches, new ones joining that order in batches.
 */
export class Postings {
  private lists = new Map<string, number | Int32List>();
  private sorted: string[] | null = null;
  private recent: string[] = [];
  private recentSorted = true;

  get lexemeCount(): number {
    return this.lists.size;
  }

  add(lexeme: string, posting: number): void {
    const held = this.lists.get(lexeme);
    if (held === undefined) {
      this.lists.set(lexeme, posting);
      if (this.sorted !== null) {
        this.recent.push(lexeme);
        this.recentSorted = false;
      }
    } else if (typeof held === 'number') {
      const list = new Int32List();
      list.push(held);
      list.push(posting);
      this.lists.set(lexeme, list);
    } else {
      held.push(posting);
    }
  }

  /** The lexeme's postings: a view valid until the next `add`. */
  of(lexeme: string): Int32Array {
    const held = this.lists.get(lexeme);
    if (held === undefined) return EMPTY;
    return typeof held === 'number' ? Int32Array.of(held) : held.view();
  }

  /**
   * Rewrites every list through `rewrite` (a posting it returns as -1 is dropped), forgetting emptied
   * lexemes; each list is sorted again unless `keepsOrder` (the rewrite keeps postings in order).
   */
  rewrite(rewrite: (posting: number) => number, keepsOrder = true): void {
    for (const [lexeme, held] of this.lists) {
      if (typeof held === 'number') {
        const posting = rewrite(held);
        if (posting >= 0) this.lists.set(lexeme, posting);
        else this.lists.delete(lexeme);
        continue;
      }
      const kept = new Int32List();
      for (const posting of held.view()) {
        const next = rewrite(posting);
        if (next >= 0) kept.push(next);
      }
      if (!keepsOrder) kept.view().sort();
      if (kept.length > 1) this.lists.set(lexeme, kept);
      else if (kept.length === 1) this.lists.set(lexeme, kept.view()[0] as number);
      else this.lists.delete(lexeme);
    }
    this.sorted = null;
    this.recent = [];
  }

  /** Every lexeme beginning with `prefix`, in text order. */
  startingWith(prefix: string): string[] {
    if (!prefix) return [];
    this.prepareOrder();
    const out: string[] = [];
    for (const sorted of [this.sorted as string[], this.recent]) {
      for (let i = firstNotBefore(sorted, prefix); i < sorted.length && (sorted[i] as string).startsWith(prefix); i++) {
        out.push(sorted[i] as string);
      }
    }
    return out.sort();
  }

  /** Brings the text order up to date now, rather than in the next prefix match. */
  prepareOrder(): void {
    if (this.sorted === null) {
      this.sorted = [...this.lists.keys()].sort();
      this.recent = [];
      this.recentSorted = true;
      return;
    }
    if (this.recentSorted) return;
    this.recent.sort();
    this.recentSorted = true;
    if (this.recent.length >= RECENT_MAX) {
      this.sorted = mergeSorted(this.sorted, this.recent);
      this.recent = [];
    }
  }
}
