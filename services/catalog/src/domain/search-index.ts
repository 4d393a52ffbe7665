import type { AttributeValue } from './product.ts';
import type { ProductSort } from './product-query.ts';
import { topK } from './top-k.ts';

/** What the index keeps of one product: enough to match, filter, count and order it. */
export interface IndexedProduct {
  id: string;
  /** The row's revision: an older copy never replaces a newer one. */
  revision: number;
  /** Each lexeme of its search vector with its rank weight. */
  lexemes: Map<string, number>;
  categoryTree: string[];
  priceMinor: number;
  inStock: boolean;
  attributes: Record<string, AttributeValue>;
  /** `created_at` in microseconds since the epoch, as PostgreSQL keeps it. */
  createdMicros: number;
}

/** One way a query word may match: every lexeme of the word (usually one), or any lexeme with a prefix. */
export type WordForm = { lexemes: string[] } | { prefix: string };

/** Where the next page starts in an indexed order: after this key (microseconds or price) and id. */
export interface IndexAfter {
  sort: Exclude<ProductSort, 'relevance'>;
  key: number;
  id: string;
}

export interface IndexQuery {
  /** One entry per query word, its forms OR-ed; entries AND-ed. Empty: no text condition. */
  words: WordForm[][];
  /** Whether the request had text at all: text whose words all vanished matches only the exact ids. */
  hasText: boolean;
  /** Products whose SKU or barcode is the query: always matched (other filters permitting) and ranked first. */
  exactIds: string[];
  categoryId: string | null;
  minPrice: number | null;
  maxPrice: number | null;
  inStock: boolean | null;
  /** Per attribute, the values any of which the product's attribute must equal. */
  attributes: Record<string, AttributeValue>[][];
  sort: ProductSort;
  limit: number;
  offset: number;
  after: IndexAfter | null;
}

export interface IndexAnswer {
  /** The page's product ids in order. */
  ids: string[];
  more: boolean;
  /** Every match counted. */
  total: number;
  categories: { categoryId: string; count: number }[];
  min: number | null;
  max: number | null;
}

// A posting packs the product's slot and its weight for the lexeme (0–31) into one small integer.
const WEIGHT_STEPS = 32;
const WEIGHT_SCALE = 18;
const EXACT_SCORE = 1e6;
/** Up to this many filtered products are ordered directly; more are found by walking the kept order. */
const FEW = 2_000;

const packWeight = (weight: number) => Math.min(WEIGHT_STEPS - 1, Math.max(1, Math.round(weight * WEIGHT_SCALE)));

const categoryKey = (category: number) => `c ${category}`;
// Typed, so "42" and 42 stay apart as PostgreSQL's jsonb containment keeps them.
const attributeKey = (key: string, value: AttributeValue) => `a ${typeof value} ${key}=${String(value)}`;

function grown<T extends Float64Array | Int32Array | Uint8Array>(array: T, size: number): T {
  if (array.length >= size) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2, 1024));
  next.set(array);
  return next;
}

/**
 * An in-memory search index of the live catalogue: postings per lexeme, and per product slot its
 * price, stock flag, categories, attributes and age in flat typed arrays. A changed product takes a
 * new slot (the old one is dead until compaction), so postings stay in slot order without re-sorting.
 * Matching, exact totals, facets and a page cost passes over memory, not database rows.
 */
export class SearchIndex {
  private ids: string[] = [];
  private alive = new Uint8Array(0);
  private prices = new Float64Array(0);
  private created = new Float64Array(0);
  private stocked = new Uint8Array(0);
  private treeStart = new Int32Array(0);
  private treeLength = new Uint8Array(0);
  private treePool = new Int32Array(0);
  private treePoolUsed = 0;
  private attributes: Record<string, AttributeValue>[] = [];
  private slotOf = new Map<string, number>();
  private revisionOf = new Map<string, number>();
  private postings = new Map<string, number[]>();
  private lexemesByText: string[] | null = null;
  private categoryIds: string[] = [];
  private categorySlot = new Map<string, number>();
  private dead = 0;
  /** Per category and per attribute value, the slots of its products (slot order). */
  private members = new Map<string, number[]>();
  private member = new Int32Array(0);
  private memberGeneration = 0;
  private compactions = 0;
  private orders = new Map<IndexAfter['sort'], { slots: Int32Array; covers: number; compactions: number }>();
  // Scratch space reused by every search (one search runs at a time: they are synchronous).
  private mark = new Int32Array(0);
  private best = new Float64Array(0);
  private score = new Float64Array(0);
  private generation = 0;

  /** Products in the index. */
  get size(): number {
    return this.slotOf.size;
  }

  /** The revision of a live product the index holds, else undefined. */
  revision(id: string): number | undefined {
    return this.slotOf.has(id) ? this.revisionOf.get(id) : undefined;
  }

  /** Adds or replaces a product; a copy no newer than the one held changes nothing. */
  upsert(product: IndexedProduct): void {
    if ((this.revisionOf.get(product.id) ?? -1) >= product.revision) return;
    this.revisionOf.set(product.id, product.revision);
    this.retire(product.id);
    const slot = this.ids.length;
    this.ensureSlots(slot + 1);
    this.ids.push(product.id);
    this.alive[slot] = 1;
    this.prices[slot] = product.priceMinor;
    this.created[slot] = product.createdMicros;
    this.stocked[slot] = product.inStock ? 1 : 0;
    const tree = product.categoryTree.map((id) => this.categoryOf(id));
    this.storeTree(slot, tree);
    for (const c of tree) this.addMember(categoryKey(c), slot);
    for (const [key, value] of Object.entries(product.attributes)) this.addMember(attributeKey(key, value), slot);
    this.attributes.push(product.attributes);
    this.slotOf.set(product.id, slot);
    for (const [lexeme, weight] of product.lexemes) {
      let list = this.postings.get(lexeme);
      if (!list) {
        list = [];
        this.postings.set(lexeme, list);
        this.lexemesByText = null;
      }
      list.push(slot * WEIGHT_STEPS + packWeight(weight));
    }
  }

  /** Takes a product out (archived), unless the index already holds a newer revision of it. */
  remove(id: string, revision: number): void {
    if ((this.revisionOf.get(id) ?? -1) >= revision) return;
    this.revisionOf.set(id, revision);
    this.retire(id);
  }

  /** Drops dead slots once they outnumber the live ones, renumbering in the same order. */
  compactIfWasteful(): void {
    if (this.dead < 10_000 || this.dead < this.slotOf.size) return;
    const count = this.ids.length;
    const renumber = new Int32Array(count).fill(-1);
    let next = 0;
    for (let slot = 0; slot < count; slot++) {
      if (!this.alive[slot]) continue;
      const to = next++;
      renumber[slot] = to;
      this.ids[to] = this.ids[slot] as string;
      this.attributes[to] = this.attributes[slot] as Record<string, AttributeValue>;
      this.prices[to] = this.prices[slot] as number;
      this.created[to] = this.created[slot] as number;
      this.stocked[to] = this.stocked[slot] as number;
      this.treeStart[to] = this.treeStart[slot] as number;
      this.treeLength[to] = this.treeLength[slot] as number;
      this.alive[to] = 1;
    }
    this.ids.length = next;
    this.attributes.length = next;
    this.alive.fill(0, next);
    for (let slot = 0; slot < next; slot++) this.slotOf.set(this.ids[slot] as string, slot);
    for (const [lexeme, list] of this.postings) {
      const kept: number[] = [];
      for (const posting of list) {
        const slot = renumber[Math.floor(posting / WEIGHT_STEPS)] as number;
        if (slot >= 0) kept.push(slot * WEIGHT_STEPS + (posting % WEIGHT_STEPS));
      }
      if (kept.length > 0) this.postings.set(lexeme, kept);
      else this.postings.delete(lexeme);
    }
    for (const [key, list] of this.members) {
      const kept = list.map((slot) => renumber[slot] as number).filter((slot) => slot >= 0);
      if (kept.length > 0) this.members.set(key, kept);
      else this.members.delete(key);
    }
    this.lexemesByText = null;
    this.dead = 0;
    this.compactions++;
  }

  /** Matches, exact total, category counts (ancestors included), price range and one page. */
  search(query: IndexQuery): IndexAnswer {
    const { narrowed, passes } = this.filterOf(query);
    const counts = new Int32Array(this.categoryIds.length);
    let total = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    const tally = (slot: number) => {
      total++;
      const price = this.prices[slot] as number;
      if (price < min) min = price;
      if (price > max) max = price;
      const start = this.treeStart[slot] as number;
      const end = start + (this.treeLength[slot] as number);
      for (let i = start; i < end; i++) {
        const c = this.treePool[i] as number;
        counts[c] = (counts[c] as number) + 1;
      }
    };
    let page: { slots: number[]; more: boolean };
    if (query.hasText) {
      const slots = passes ? this.textMatches(query).filter(passes) : this.textMatches(query);
      for (const slot of slots) tally(slot);
      page = this.rankedPage(slots, query);
    } else if (narrowed && narrowed.length <= FEW) {
      // Few enough to order here, rather than walking the whole catalogue's order past the rest.
      const slots = passes ? narrowed.filter(passes) : narrowed;
      for (const slot of slots) tally(slot);
      page = this.rankedPage(slots, { ...query, sort: query.sort === 'relevance' ? 'newest' : query.sort });
    } else if (narrowed) {
      for (const slot of narrowed) if (passes === null || passes(slot)) tally(slot);
      page = this.orderedPage(query.sort === 'relevance' ? 'newest' : query.sort, passes, query);
    } else {
      const count = this.ids.length;
      for (let slot = 0; slot < count; slot++) if (this.alive[slot] === 1 && (passes === null || passes(slot))) tally(slot);
      page = this.orderedPage(query.sort === 'relevance' ? 'newest' : query.sort, passes, query);
    }
    const categories: { categoryId: string; count: number }[] = [];
    counts.forEach((n, c) => {
      if (n > 0) categories.push({ categoryId: this.categoryIds[c] as string, count: n });
    });
    return {
      ids: page.slots.map((slot) => this.ids[slot] as string),
      more: page.more,
      total,
      categories: categories.sort((a, b) => b.count - a.count || a.categoryId.localeCompare(b.categoryId)),
      min: total > 0 ? min : null,
      max: total > 0 ? max : null,
    };
  }

  private ensureSlots(size: number): void {
    this.alive = grown(this.alive, size);
    this.prices = grown(this.prices, size);
    this.created = grown(this.created, size);
    this.stocked = grown(this.stocked, size);
    this.treeStart = grown(this.treeStart, size);
    this.treeLength = grown(this.treeLength, size);
    this.mark = grown(this.mark, size);
    this.member = grown(this.member, size);
    this.best = grown(this.best, size);
    this.score = grown(this.score, size);
  }

  private addMember(key: string, slot: number): void {
    const list = this.members.get(key);
    if (list) list.push(slot);
    else this.members.set(key, [slot]);
  }

  private storeTree(slot: number, tree: number[]): void {
    this.treePool = grown(this.treePool, this.treePoolUsed + tree.length);
    this.treeStart[slot] = this.treePoolUsed;
    this.treeLength[slot] = Math.min(tree.length, 255);
    this.treePool.set(tree.slice(0, 255), this.treePoolUsed);
    this.treePoolUsed += tree.length;
  }

  private retire(id: string): void {
    const old = this.slotOf.get(id);
    if (old === undefined) return;
    this.alive[old] = 0;
    this.slotOf.delete(id);
    this.dead++;
  }

  private categoryOf(id: string): number {
    let slot = this.categorySlot.get(id);
    if (slot === undefined) {
      slot = this.categoryIds.length;
      this.categoryIds.push(id);
      this.categorySlot.set(id, slot);
    }
    return slot;
  }

  /**
   * The query's filters: the slots its category and attribute filters allow (marked in `member`,
   * from the lists of each category's and attribute value's products, smallest first), or null when
   * it has none; and one test of a slot for everything, or null when nothing filters.
   */
  private filterOf(query: IndexQuery): { narrowed: number[] | null; passes: ((slot: number) => boolean) | null } {
    // Each filter is the union of some lists (an attribute's values); filters are intersected, smallest first.
    const groups: number[][][] = [];
    if (query.categoryId !== null) {
      const category = this.categorySlot.get(query.categoryId);
      groups.push([category === undefined ? [] : (this.members.get(categoryKey(category)) ?? [])]);
    }
    for (const anyOf of query.attributes) {
      groups.push(anyOf.flatMap((wanted) => Object.entries(wanted).map(([k, v]) => this.members.get(attributeKey(k, v)) ?? [])));
    }
    let narrowed: number[] | null = null;
    let generation = -1;
    if (groups.length > 0) {
      const sizeOf = (group: number[][]) => group.reduce((n, list) => n + list.length, 0);
      groups.sort((a, b) => sizeOf(a) - sizeOf(b));
      for (const group of groups) {
        const previous = generation;
        generation = ++this.memberGeneration;
        for (const list of group)
          for (const slot of list) if (previous === -1 || this.member[slot] === previous) this.member[slot] = generation;
      }
      narrowed = [];
      for (const list of groups[0] as number[][]) {
        for (const slot of list) if (this.member[slot] === generation && this.alive[slot] === 1) narrowed.push(slot);
      }
    }
    const { minPrice, maxPrice, inStock } = query;
    if (generation === -1 && minPrice === null && maxPrice === null && inStock === null) return { narrowed, passes: null };
    const { member, prices, stocked } = this;
    const wantStocked = inStock ? 1 : 0;
    const passes = (slot: number) =>
      (generation === -1 || member[slot] === generation) &&
      (minPrice === null || (prices[slot] as number) >= minPrice) &&
      (maxPrice === null || (prices[slot] as number) <= maxPrice) &&
      (inStock === null || stocked[slot] === wantStocked);
    return { narrowed, passes };
  }

  /**
   * Live slots holding every word (any of its forms), rarest word first, with their relevance in
   * `score`: per word the best weight among its forms, summed; exact code matches far above all.
   */
  private textMatches(query: IndexQuery): number[] {
    const words = query.words
      .map((forms) => ({ forms, lists: this.listsOf(forms) }))
      .sort((a, b) => a.lists.reduce((n, l) => n + l.length, 0) - b.lists.reduce((n, l) => n + l.length, 0));
    let matched: number[] | null = null;
    for (const { lists } of words) {
      const previous = this.generation;
      const current = ++this.generation;
      const found: number[] = [];
      for (const list of lists) {
        for (const posting of list) {
          const slot = Math.floor(posting / WEIGHT_STEPS);
          const weight = (posting % WEIGHT_STEPS) / WEIGHT_SCALE;
          const mark = this.mark[slot] as number;
          if (mark === current) {
            if (weight > (this.best[slot] as number)) this.best[slot] = weight;
          } else if (matched === null ? this.alive[slot] === 1 : mark === previous) {
            this.mark[slot] = current;
            this.best[slot] = weight;
            found.push(slot);
          }
        }
      }
      for (const slot of found) this.score[slot] = (matched === null ? 0 : (this.score[slot] as number)) + (this.best[slot] as number);
      matched = found;
    }
    const result = matched ?? [];
    const current = this.generation;
    for (const id of query.exactIds) {
      const slot = this.slotOf.get(id);
      if (slot === undefined) continue;
      if (this.mark[slot] !== current || matched === null) {
        this.score[slot] = 0;
        result.push(slot);
        this.mark[slot] = current;
      }
      this.score[slot] = (this.score[slot] as number) + EXACT_SCORE;
    }
    return result;
  }

  /** Every posting list one word's forms reach (a prefix reaches each lexeme it begins). */
  private listsOf(forms: WordForm[]): number[][] {
    const lists: number[][] = [];
    for (const form of forms) {
      if ('prefix' in form) {
        for (const lexeme of this.lexemesStartingWith(form.prefix)) lists.push(this.postings.get(lexeme) ?? []);
      } else if (form.lexemes.length === 1) {
        lists.push(this.postings.get(form.lexemes[0] as string) ?? []);
      } else if (form.lexemes.length > 1) {
        lists.push(this.allOf(form.lexemes));
      }
    }
    return lists;
  }

  /** Postings of products holding every one of several lexemes (a word the parser splits), weighted by the first. */
  private allOf(lexemes: string[]): number[] {
    const [first, ...rest] = lexemes.map((l) => this.postings.get(l) ?? []);
    const others = rest.map((list) => new Set(list.map((p) => Math.floor(p / WEIGHT_STEPS))));
    return (first ?? []).filter((p) => others.every((set) => set.has(Math.floor(p / WEIGHT_STEPS))));
  }

  private lexemesStartingWith(prefix: string): string[] {
    if (!prefix) return [];
    if (!this.lexemesByText) this.lexemesByText = [...this.postings.keys()].sort();
    const sorted = this.lexemesByText;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < sorted.length && (sorted[i] as string).startsWith(prefix); i++) out.push(sorted[i] as string);
    return out;
  }

  private comparator(sort: ProductSort): (a: number, b: number) => number {
    const { ids, created, prices, score } = this;
    const byIdDesc = (a: number, b: number) => ((ids[a] as string) < (ids[b] as string) ? 1 : -1);
    const newest = (a: number, b: number) => (created[b] as number) - (created[a] as number) || byIdDesc(a, b);
    switch (sort) {
      case 'relevance':
        return (a, b) => (score[b] as number) - (score[a] as number) || newest(a, b);
      case 'newest':
        return newest;
      case 'price_asc':
        return (a, b) => (prices[a] as number) - (prices[b] as number) || -byIdDesc(a, b);
      case 'price_desc':
        return (a, b) => (prices[b] as number) - (prices[a] as number) || byIdDesc(a, b);
    }
  }

  /** True when `slot` comes after the keyset position in its order. */
  private isAfter(slot: number, after: IndexAfter): boolean {
    const k = (after.sort === 'newest' ? this.created[slot] : this.prices[slot]) as number;
    const ascending = after.sort === 'price_asc';
    if (k !== after.key) return ascending ? k > after.key : k < after.key;
    const id = this.ids[slot] as string;
    return ascending ? id > after.id : id < after.id;
  }

  /** A page of text matches: the few matches are ordered here (relevance, or an indexed sort). */
  private rankedPage(slots: number[], query: IndexQuery): { slots: number[]; more: boolean } {
    const after = query.after;
    const candidates = after && after.sort === query.sort ? slots.filter((slot) => this.isAfter(slot, after)) : slots;
    const start = after ? 0 : query.offset;
    const wanted = topK(candidates, start + query.limit + 1, this.comparator(query.sort));
    return { slots: wanted.slice(start, start + query.limit), more: wanted.length > start + query.limit };
  }

  /** A page of a listing: walks the catalogue kept in that order, from the keyset position or the offset. */
  private orderedPage(sort: IndexAfter['sort'], passes: ((slot: number) => boolean) | null, query: IndexQuery) {
    const order = this.sortedBy(sort);
    const after = query.after && query.after.sort === sort ? query.after : null;
    let i = 0;
    if (after) {
      let hi = order.length;
      while (i < hi) {
        const mid = (i + hi) >> 1;
        if (this.isAfter(order[mid] as number, after)) hi = mid;
        else i = mid + 1;
      }
    }
    let skip = after ? 0 : query.offset;
    const slots: number[] = [];
    for (; i < order.length && slots.length <= query.limit; i++) {
      const slot = order[i] as number;
      if (this.alive[slot] !== 1 || (passes !== null && !passes(slot))) continue;
      if (skip > 0) skip--;
      else slots.push(slot);
    }
    return { slots: slots.slice(0, query.limit), more: slots.length > query.limit };
  }

  /** Every slot (dead ones too, skipped by readers) in an indexed order, kept up to date as products arrive. */
  private sortedBy(sort: IndexAfter['sort']): Int32Array {
    const held = this.orders.get(sort);
    const count = this.ids.length;
    if (held && held.covers === count && held.compactions === this.compactions) return held.slots;
    const compare = this.comparator(sort);
    if (held && held.compactions === this.compactions && count - held.covers <= 1_000) {
      // A few new slots: each goes to its place, shifting the tail, instead of sorting everything again.
      const slots = grown(held.slots, count);
      let length = held.covers;
      for (let slot = held.covers; slot < count; slot++) {
        let lo = 0;
        let hi = length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (compare(slots[mid] as number, slot) <= 0) lo = mid + 1;
          else hi = mid;
        }
        slots.copyWithin(lo + 1, lo, length);
        slots[lo] = slot;
        length++;
      }
      this.orders.set(sort, { slots: slots.subarray(0, count), covers: count, compactions: this.compactions });
      return slots.subarray(0, count);
    }
    const slots = new Int32Array(count);
    for (let slot = 0; slot < count; slot++) slots[slot] = slot;
    slots.sort(compare);
    this.orders.set(sort, { slots, covers: count, compactions: this.compactions });
    return slots;
  }
}
