import { grown, Int32List } from './grown.ts';
import { Numbering } from './numbering.ts';
import { Postings } from './postings.ts';
import type { AttributeValue } from './product.ts';
import type { ProductSort } from './product-query.ts';
import { topByKey } from './top-k.ts';
import { TreePricePositions } from './tree-price-positions.ts';

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
  /** The revision the index holds of each of them. */
  revisions: number[];
  more: boolean;
  /** Every match counted. */
  total: number;
  categories: { categoryId: string; count: number }[];
  min: number | null;
  max: number | null;
}

// A posting packs the product's slot and its weight for the lexeme (1–31 steps) into one small integer.
const WEIGHT_BITS = 5;
const WEIGHT_STEPS = 1 << WEIGHT_BITS;
const WEIGHT_MASK = WEIGHT_STEPS - 1;
const WEIGHT_SCALE = 18;
/** In weight steps: above any sum of word weights. */
const EXACT_SCORE = 1e6;
/** Up to this many filtered products are ordered directly; more are found by walking the kept order. */
const FEW = 2_000;
/** A one-word query's forms reaching up to this many lists are merged into one list, in slot order, rather than marked per slot. */
const MERGED_LISTS = 8;
/** A later word's list this many times longer than the candidates left is searched per candidate, not read through. */
const LOOKUP_RATIO = 4;

const packWeight = (weight: number) => Math.min(WEIGHT_STEPS - 1, Math.max(1, Math.round(weight * WEIGHT_SCALE)));

const categoryKey = (category: number) => `c ${category}`;
// Per slot, the fields a match's filters, facets and page key read, side by side: one cache line, not four.
const STRIDE = 4;
/** 1 when live, 2 when in stock, the category tree number above. */
const STATE = 0;
/** Position in the newest-first order. */
const NEWEST = 1;
/** Position in the cheapest-first order. */
const CHEAPEST = 2;
/** Relevance of the current search's match: word weights summed, exact code matches far above. */
const SCORE = 3;
/** Search steps are numbered below this, so a step and a weight share one integer (`marks`). */
const STEP_LIMIT = 2 ** (31 - WEIGHT_BITS);
const EMPTY = new Int32Array(0);

/** A search's matches: slots (with their page keys side by side when computed), price range. */
interface Matches {
  slots: Int32Array;
  keys: Float64Array | null;
  min: number;
  max: number;
}

/** A query's stock filter as a slot's stock flag must read: -1 when either will do. */
const stockFlagWanted = (inStock: boolean | null) => (inStock === null ? -1 : inStock ? 1 : 0);

const sizeOf = (lists: ArrayLike<number>[]) => lists.reduce((n, list) => n + list.length, 0);

const valueKey = (value: AttributeValue) => `${typeof value} ${String(value)}`;

interface AttributeColumn {
  values: Int32Array;
  numbers: Map<string, number>;
}

/** An attribute filter: a slot passes when `columns[i][slot] === wanted[i]` for some i. */
interface AttributeTest {
  columns: Int32Array[];
  wanted: number[];
}

/** The number `value` has in the column (0: no value), numbering a value seen for the first time. */
function valueNumber(column: AttributeColumn, value: AttributeValue | undefined): number {
  if (value === undefined) return 0;
  const key = valueKey(value);
  let number = column.numbers.get(key);
  if (number === undefined) {
    number = column.numbers.size + 1;
    column.numbers.set(key, number);
  }
  return number;
}

/**
 * Two posting lists (each in slot order) as one into `out`: every slot once, with the heavier of its
 * weights. Returns the length written.
 */
function mergePostings(a: Int32Array, b: Int32Array, out: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    const dx = x >>> WEIGHT_BITS;
    const dy = y >>> WEIGHT_BITS;
    if (dx < dy) {
      out[n++] = x;
      i++;
    } else if (dy < dx) {
      out[n++] = y;
      j++;
    } else {
      out[n++] = Math.max(x, y);
      i++;
      j++;
    }
  }
  while (i < a.length) out[n++] = a[i++] as number;
  while (j < b.length) out[n++] = b[j++] as number;
  return n;
}

/** The first position at or after `from` whose posting is at least `target`: gallops, then halves. */
function firstAtLeast(list: Int32Array, from: number, target: number): number {
  let lo = from;
  let hi = from;
  let step = 1;
  while (hi < list.length && (list[hi] as number) < target) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, list.length);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as number) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function passesAll(tests: AttributeTest[], slot: number): boolean {
  for (const { columns, wanted } of tests) {
    let any = false;
    for (let i = 0; i < columns.length && !any; i++) any = (columns[i] as Int32Array)[slot] === wanted[i];
    if (!any) return false;
  }
  return true;
}
// Typed, so "42" and 42 stay apart as PostgreSQL's jsonb containment keeps them.
const attributeKey = (key: string, value: AttributeValue) => `a ${typeof value} ${key}=${String(value)}`;

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
  private revisionAt = new Float64Array(0);
  private stocked = new Uint8Array(0);
  /** Per slot, which of the distinct category trees its product has: a catalogue holds few of them. */
  private treeOf = new Int32Array(0);
  private trees: number[][] = [];
  private treeNumber = new Map<string, number>();
  /** Per slot, which of the distinct attribute sets its product has: products share a few sets, and the collector walks each object kept. */
  private attributeSetAt = new Int32Array(0);
  private attributeSets = new Numbering<Record<string, AttributeValue>>();
  private slotOf = new Map<string, number>();
  private revisionOf = new Map<string, number>();
  private postings = new Postings();
  private categories = new Numbering<string>();
  private dead = 0;
  /** Per category and per attribute value, the slots of its products (slot order). */
  private members = new Map<string, Int32List>();
  /** Per attribute filtered on, each slot's value as a number. */
  private attributeColumns = new Map<string, AttributeColumn>();
  private compactions = 0;
  private orders = new Map<IndexAfter['sort'], { slots: Int32Array; covers: number; compactions: number }>();
  // Scratch space reused by every search (one search runs at a time: they are synchronous).
  private hot = new Int32Array(0);
  /** Per slot, the search step that last reached it above the best weight that step's word had there. */
  private marks = new Int32Array(0);
  private key = new Float64Array(0);
  private matchScratch = new Int32Array(0);
  private textScratch: [Int32Array, Int32Array] = [new Int32Array(0), new Int32Array(0)];
  /** For the first query word and for each later one in turn, two arrays its forms' lists are merged through. */
  private mergeScratch: [Int32Array, Int32Array][] = [];
  /** One bit per slot: the candidates of an intersection step (cleared after it), and their scores so far. */
  private candidateBits = new Int32Array(0);
  private candidateScores = new Uint8Array(0);
  /** Intersected slots and scores, and the next word's, taking turns. */
  private intersectScratch: Int32Array[] = [new Int32Array(0), new Int32Array(0), new Int32Array(0), new Int32Array(0)];
  private identity = new Int32Array(0);
  /** Per indexed order, the order whose positions the slot records hold. */
  private rankedFrom = new Map<'newest' | 'price_asc', Int32Array>();
  private generation = 0;
  /** Each tree's cheapest-first positions, with the order and dead count they were built at. */
  private pricePositions: { order: Int32Array; dead: number; positions: TreePricePositions } | null = null;

  /** Products in the index. */
  get size(): number {
    return this.slotOf.size;
  }

  /** The revision of a live product the index holds, else undefined. */
  revision(id: string): number | undefined {
    return this.slotOf.has(id) ? this.revisionOf.get(id) : undefined;
  }

  /** A live product's keys in the kept orders (a page cursor's position), else undefined. */
  sortKeys(id: string): { createdMicros: number; priceMinor: number } | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : { createdMicros: this.created[slot] as number, priceMinor: this.prices[slot] as number };
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
    this.revisionAt[slot] = product.revision;
    this.stocked[slot] = product.inStock ? 1 : 0;
    const tree = product.categoryTree.map((id) => this.categories.numberOf(id, id));
    this.treeOf[slot] = this.treeNumberOf(tree);
    this.setState(slot);
    for (const c of tree) this.addMember(categoryKey(c), slot);
    for (const [key, value] of Object.entries(product.attributes)) this.addMember(attributeKey(key, value), slot);
    for (const [key, column] of this.attributeColumns) column.values[slot] = valueNumber(column, product.attributes[key]);
    this.attributeSetAt[slot] = this.attributeSets.numberOf(JSON.stringify(product.attributes), product.attributes);
    this.slotOf.set(product.id, slot);
    for (const [lexeme, weight] of product.lexemes) {
      this.postings.add(lexeme, (slot << WEIGHT_BITS) | packWeight(weight));
    }
  }

  /** Takes a product out (archived), unless the index already holds a newer revision of it. */
  remove(id: string, revision: number): void {
    if ((this.revisionOf.get(id) ?? -1) >= revision) return;
    this.revisionOf.set(id, revision);
    this.retire(id);
  }

  /** Brings the kept orders and their positions up to date now, rather than in the next search that needs them. */
  prepareOrders(): void {
    this.rankIn('newest');
    this.rankIn('price_asc');
    this.sortedBy('price_desc');
    this.treePricePositions(this.sortedBy('price_asc'));
    this.postings.prepareOrder();
  }

  /**
   * Sizes every search's scratch space for the catalogue as it is, so searches after a build do not
   * grow it. Grown arrays are memory outside the heap: tens of megabytes of it arriving under load
   * made V8 start a full collection of the whole index there and then (decision 0045).
   */
  reserveScratch(): void {
    const count = this.ids.length;
    this.matchScratch = grown(this.matchScratch, count);
    this.key = grown(this.key, count);
    this.textScratch = [grown(this.textScratch[0], count), grown(this.textScratch[1], count)];
    this.intersectScratch = this.intersectScratch.map((array) => grown(array, count));
    for (const w of [0, 1]) {
      const [a, b] = this.mergeScratch[w] ?? [EMPTY, EMPTY];
      this.mergeScratch[w] = [grown(a, count), grown(b, count)];
    }
    this.candidateBits = grown(this.candidateBits, (count >>> 5) + 1);
    this.candidateScores = grown(this.candidateScores, count);
    this.allSlots();
  }

  /** Bytes held as search scratch space (`reserveScratch`). */
  get scratchBytes(): number {
    const arrays = [
      this.matchScratch,
      this.key,
      ...this.textScratch,
      ...this.intersectScratch,
      ...this.mergeScratch.flat(),
      this.candidateBits,
      this.candidateScores,
      this.identity,
    ];
    return arrays.reduce((n, array) => n + array.byteLength, 0);
  }

  /** Drops dead slots once they outnumber the live ones, renumbering in the same order. */
  compactIfWasteful(): void {
    if (this.dead < 10_000 || this.dead < this.slotOf.size) return;
    const live = new Int32Array(this.slotOf.size);
    let next = 0;
    for (let slot = 0; slot < this.ids.length; slot++) if (this.alive[slot] === 1) live[next++] = slot;
    this.renumber(live, true);
  }

  /**
   * Renumbers the live products so that those sharing a category tree and attributes lie side by
   * side (dead slots dropped): a common word's matches (one kind of product, one colour) then sit in
   * runs of slots, and their records are read through memory in order, not a cache miss each.
   */
  regroup(): void {
    const sets = this.attributeSets.values;
    const canonical = sets.map((attributes, n) => ({
      text: JSON.stringify(Object.entries(attributes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      n,
    }));
    canonical.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    const rank = new Int32Array(sets.length);
    canonical.forEach(({ n }, r) => {
      rank[n] = r;
    });
    const group = new Float64Array(this.ids.length);
    const live = new Int32Array(this.slotOf.size);
    let next = 0;
    for (let slot = 0; slot < this.ids.length; slot++) {
      if (this.alive[slot] !== 1) continue;
      group[slot] = (this.treeOf[slot] as number) * sets.length + (rank[this.attributeSetAt[slot] as number] as number);
      live[next++] = slot;
    }
    // Within a group the slots keep their order: the order products arrived in.
    live.sort((a, b) => (group[a] as number) - (group[b] as number) || a - b);
    this.renumber(live, false);
  }

  /** Gives the slots of `order` (live ones) the numbers 0, 1, 2… in that order; `inOrder` when it is ascending. */
  private renumber(order: Int32Array, inOrder: boolean): void {
    const count = this.ids.length;
    const next = order.length;
    const renumber = new Int32Array(count).fill(-1);
    const from = <T extends Float64Array | Int32Array | Uint8Array>(values: T): T => {
      const out = new (values.constructor as new (n: number) => T)(values.length);
      for (let to = 0; to < next; to++) out[to] = values[order[to] as number] as number;
      return out;
    };
    const ids = new Array<string>(next);
    for (let to = 0; to < next; to++) {
      const slot = order[to] as number;
      renumber[slot] = to;
      ids[to] = this.ids[slot] as string;
    }
    this.ids = ids;
    this.attributeSetAt = from(this.attributeSetAt);
    this.prices = from(this.prices);
    this.created = from(this.created);
    this.revisionAt = from(this.revisionAt);
    this.stocked = from(this.stocked);
    this.treeOf = from(this.treeOf);
    this.alive = new Uint8Array(this.alive.length);
    this.alive.fill(1, 0, next);
    this.hot = new Int32Array(this.hot.length);
    for (let slot = 0; slot < next; slot++) {
      this.setState(slot);
      this.slotOf.set(this.ids[slot] as string, slot);
    }
    this.postings.rewrite((posting) => {
      const slot = renumber[posting >>> WEIGHT_BITS] as number;
      return slot >= 0 ? (slot << WEIGHT_BITS) | (posting & WEIGHT_MASK) : -1;
    }, inOrder);
    for (const [key, list] of this.members) {
      const kept = new Int32List();
      for (const slot of list.view()) if ((renumber[slot] as number) >= 0) kept.push(renumber[slot] as number);
      if (!inOrder) kept.view().sort();
      if (kept.length > 0) this.members.set(key, kept);
      else this.members.delete(key);
    }
    for (const column of this.attributeColumns.values()) column.values = from(column.values);
    this.dead = 0;
    this.compactions++;
  }

  /** Matches, exact total, category counts (ancestors included), price range and one page. */
  search(query: IndexQuery): IndexAnswer {
    const perTree = new Int32Array(this.trees.length);
    const sort = query.hasText || query.sort !== 'relevance' ? query.sort : 'newest';
    // A listing by category, price and stock is counted per category tree by binary searches, and
    // its page found by walking the kept order, when that walk is shorter than its matches.
    const listed =
      !query.hasText && query.attributes.length === 0 ? this.listedPage(query, perTree, sort === 'relevance' ? 'newest' : sort) : null;
    let total: number;
    let min: number;
    let max: number;
    let page: { slots: number[]; more: boolean };
    if (listed) {
      ({ total, min, max, page } = listed);
    } else {
      const found = this.matchesOf(query, perTree);
      ({ min, max } = found);
      total = found.slots.length;
      // Few enough to order here; more are found by walking the catalogue kept in that order.
      page =
        query.hasText || total <= FEW || sort === 'relevance'
          ? this.rankedPage(found.slots, sort, query, found.keys)
          : this.orderedPage(found.slots, sort, query);
    }
    const counts = new Int32Array(this.categories.values.length);
    perTree.forEach((n, tree) => {
      if (n > 0) for (const c of this.trees[tree] as number[]) counts[c] = (counts[c] as number) + n;
    });
    const categories: { categoryId: string; count: number }[] = [];
    counts.forEach((n, c) => {
      if (n > 0) categories.push({ categoryId: this.categories.values[c] as string, count: n });
    });
    return {
      ids: page.slots.map((slot) => this.ids[slot] as string),
      revisions: page.slots.map((slot) => this.revisionAt[slot] as number),
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
    this.revisionAt = grown(this.revisionAt, size);
    this.stocked = grown(this.stocked, size);
    this.treeOf = grown(this.treeOf, size);
    this.attributeSetAt = grown(this.attributeSetAt, size);
    this.hot = grown(this.hot, size * STRIDE);
    this.marks = grown(this.marks, size);
    for (const column of this.attributeColumns.values()) column.values = grown(column.values, size);
  }

  private addMember(key: string, slot: number): void {
    let list = this.members.get(key);
    if (!list) {
      list = new Int32List();
      this.members.set(key, list);
    }
    list.push(slot);
  }

  private treeNumberOf(tree: number[]): number {
    const key = tree.join(' ');
    let number = this.treeNumber.get(key);
    if (number === undefined) {
      number = this.trees.length;
      this.trees.push([...new Set(tree)]);
      this.treeNumber.set(key, number);
    }
    return number;
  }

  /** Makes room for `steps` more search steps, starting the numbering again (and clearing every mark) near the limit. */
  private reserveSteps(steps: number): void {
    if (this.generation + steps < STEP_LIMIT) return;
    this.marks.fill(0);
    this.generation = 0;
  }

  private setState(slot: number): void {
    this.hot[slot * STRIDE + STATE] =
      (this.alive[slot] as number) | ((this.stocked[slot] as number) << 1) | ((this.treeOf[slot] as number) << 2);
  }

  private retire(id: string): void {
    const old = this.slotOf.get(id);
    if (old === undefined) return;
    this.alive[old] = 0;
    this.setState(old);
    this.slotOf.delete(id);
    this.dead++;
  }

  /**
   * A listing without text or attribute filters: per-tree counts and the price range from each
   * tree's cheapest-first positions, the page by walking the kept order from the keyset position or
   * the offset. Null (nothing counted) when the walk would pass more slots than the matches hold.
   */
  private listedPage(
    query: IndexQuery,
    perTree: Int32Array,
    sort: IndexAfter['sort'],
  ): { total: number; min: number; max: number; page: { slots: number[]; more: boolean } } | null {
    const cheapest = this.sortedBy('price_asc');
    this.rankIn('price_asc');
    const slotCount = cheapest.length;
    const { from, to } = this.priceStretch(query);
    const treeOk = query.categoryId === null ? null : this.treesHolding(query.categoryId);
    const want = query.inStock === null ? 'any' : query.inStock ? 'stocked' : 'unstocked';
    const positions = this.treePricePositions(cheapest);
    let total = 0;
    let first = slotCount;
    let last = -1;
    for (let tree = 0; tree < perTree.length; tree++) {
      if (treeOk !== null && treeOk[tree] !== 1) continue;
      const stretch = positions.within(tree, want, from, to);
      if (stretch.count === 0) continue;
      perTree[tree] = stretch.count;
      total += stretch.count;
      first = Math.min(first, stretch.first);
      last = Math.max(last, stretch.last);
    }
    // A price order's walk stays between the first and last match; the newest-first order's crosses the catalogue.
    const walked = sort === 'newest' ? slotCount : last - first + 1;
    const walk = ((query.after ? 0 : query.offset) + query.limit + 1) * (walked / Math.max(1, total));
    if (total > 0 && walk > sizeOf(this.smallestSource(query, from, to))) {
      perTree.fill(0);
      return null;
    }
    const { hot } = this;
    const wantStocked = stockFlagWanted(query.inStock);
    const passes = (slot: number) => {
      const at = slot * STRIDE;
      const state = hot[at + STATE] as number;
      const position = hot[at + CHEAPEST] as number;
      return (
        (state & 1) === 1 &&
        position >= from &&
        position < to &&
        (wantStocked === -1 || ((state >> 1) & 1) === wantStocked) &&
        (treeOk === null || treeOk[state >>> 2] === 1)
      );
    };
    const [start, end] =
      sort === 'price_asc' ? [first, last + 1] : sort === 'price_desc' ? [slotCount - 1 - last, slotCount - first] : [0, slotCount];
    return {
      total,
      min: total > 0 ? (this.prices[cheapest[first] as number] as number) : Number.POSITIVE_INFINITY,
      max: total > 0 ? (this.prices[cheapest[last] as number] as number) : Number.NEGATIVE_INFINITY,
      page: total > 0 ? this.walkedPage(sort, query, passes, start, end) : { slots: [], more: false },
    };
  }

  /** Each tree's cheapest-first positions, built again after any change to the catalogue. */
  private treePricePositions(cheapest: Int32Array): TreePricePositions {
    const held = this.pricePositions;
    if (held && held.order === cheapest && held.dead === this.dead) return held.positions;
    const { hot } = this;
    const positions = TreePricePositions.build(cheapest, this.trees.length, (slot) => hot[slot * STRIDE + STATE] as number);
    this.pricePositions = { order: cheapest, dead: this.dead, positions };
    return positions;
  }

  /** A page found by walking the catalogue kept in `sort` order between `start` and `end`, from the keyset position or the offset, testing each slot. */
  private walkedPage(
    sort: IndexAfter['sort'],
    query: IndexQuery,
    passes: (slot: number) => boolean,
    start: number,
    end: number,
  ): { slots: number[]; more: boolean } {
    const order = this.sortedBy(sort);
    const after = query.after && query.after.sort === sort ? query.after : null;
    let skip = after ? 0 : query.offset;
    const slots: number[] = [];
    for (
      let i = Math.max(start, after ? this.firstPassing(order, (slot) => this.isAfter(slot, after)) : 0);
      i < end && slots.length <= query.limit;
      i++
    ) {
      const slot = order[i] as number;
      if (!passes(slot)) continue;
      if (skip > 0) skip--;
      else slots.push(slot);
    }
    return { slots: slots.slice(0, query.limit), more: slots.length > query.limit };
  }

  /**
   * Every live slot the query matches (in a scratch array valid until the next search), with the
   * price range and per-tree counts. The slots walked are the text's matches, else the smallest of
   * the category's products, one attribute filter's products and the price bounds' stretch of the
   * price order (else the whole catalogue); each is then tested against every filter, per slot.
   * A text query's page keys are computed in the same pass; a single word of one lexeme is read
   * straight from its postings, its weight the score.
   */
  private matchesOf(query: IndexQuery, perTree: Int32Array): Matches {
    const { from, to } = this.priceStretch(query);
    const wantStocked = stockFlagWanted(query.inStock);
    const treeOk = query.categoryId === null ? null : this.treesHolding(query.categoryId);
    const tests = query.attributes.map((anyOf) => this.attributeTest(anyOf));
    const single =
      query.hasText && query.exactIds.length === 0 && query.words.length === 1 ? this.listsOf(query.words[0] as WordForm[]) : null;
    const postings = single !== null && single.length <= MERGED_LISTS ? this.merged(single) : null;
    // A posting packs its slot above the weight: read from postings, a slot is shifted out of each entry.
    const shift = postings !== null ? WEIGHT_BITS : 0;
    const intersected = query.hasText && query.exactIds.length === 0 && query.words.length > 1 ? this.intersectedWords(query.words) : null;
    // Scores side by side with the intersected slots; else a score is the posting's weight or the slot record's.
    const scores = intersected?.scores ?? null;
    const sources: ArrayLike<number>[] =
      postings !== null
        ? [postings]
        : intersected !== null
          ? [intersected.slots]
          : query.hasText
            ? [this.textMatches(query)]
            : this.smallestSource(query, from, to);
    const { hot, prices } = this;
    const total = sizeOf(sources);
    this.matchScratch = grown(this.matchScratch, total);
    const out = this.matchScratch;
    // Keys of a text query's page order: as `keysOf` computes them.
    const keyed = query.hasText;
    const sort = query.sort;
    const slotCount = this.ids.length;
    this.rankIn('newest');
    const cheapest = this.sortedBy('price_asc');
    this.rankIn('price_asc');
    // Price bounds as a stretch of the cheapest-first order: a slot's position there is read beside its state.
    const relevance = sort === 'relevance';
    const byPrice = sort === 'price_asc' || sort === 'price_desc';
    const descending = sort === 'price_desc';
    if (keyed) this.key = grown(this.key, total);
    const keys = this.key;
    let count = 0;
    // Price range and category tallies are taken in the same pass: they are the answer's facets.
    let first = slotCount;
    let last = -1;
    for (const source of sources) {
      const length = source.length;
      for (let i = 0; i < length; i++) {
        const entry = source[i] as number;
        const slot = entry >>> shift;
        const at = slot * STRIDE;
        const state = hot[at + STATE] as number;
        if ((state & 1) === 0) continue;
        const position = hot[at + CHEAPEST] as number;
        if (position < from || position >= to) continue;
        if (wantStocked !== -1 && ((state >> 1) & 1) !== wantStocked) continue;
        const tree = state >>> 2;
        if (treeOk !== null && treeOk[tree] !== 1) continue;
        if (tests.length > 0 && !passesAll(tests, slot)) continue;
        if (keyed) {
          keys[count] = relevance
            ? (shift > 0 ? entry & WEIGHT_MASK : scores !== null ? (scores[i] as number) : (hot[at + SCORE] as number)) * (slotCount + 1) +
              (slotCount - (hot[at + NEWEST] as number))
            : byPrice
              ? descending
                ? position
                : slotCount - position
              : slotCount - (hot[at + NEWEST] as number);
        }
        out[count++] = slot;
        if (position < first) first = position;
        if (position > last) last = position;
        perTree[tree] = (perTree[tree] as number) + 1;
      }
    }
    const min = count > 0 ? (prices[cheapest[first] as number] as number) : Number.POSITIVE_INFINITY;
    const max = count > 0 ? (prices[cheapest[last] as number] as number) : Number.NEGATIVE_INFINITY;
    return { slots: out.subarray(0, count), keys: keyed ? keys.subarray(0, count) : null, min, max };
  }

  /**
   * Slots holding every word with their summed best weights, when each word's forms reach few enough
   * lists to merge: starting from the shortest, each next list is read through against the
   * candidates held as bits, or each candidate is looked up in a list far longer. Null otherwise.
   */
  private intersectedWords(words: WordForm[][]): { slots: Int32Array; scores: Int32Array } | null {
    // A summed score stays below 256 (a byte per slot) up to eight words of weights below 32.
    if (words.length > 8) return null;
    const reachedByWord: Int32Array[][] = [];
    for (const forms of words) {
      const reached = this.listsOf(forms);
      if (reached.length > MERGED_LISTS) return null;
      reachedByWord.push(reached);
    }
    // Shortest first by the lists' summed lengths; each later word is merged when its turn comes, all in the
    // same scratch space, so a query of any length needs two words' worth (the result does not depend on the order).
    reachedByWord.sort((a, b) => sizeOf(a) - sizeOf(b));
    const first = this.merged(reachedByWord[0] as Int32Array[], 0);
    const size = first.length;
    const scratch = this.intersectScratch.map((array) => grown(array, size)) as [Int32Array, Int32Array, Int32Array, Int32Array];
    this.intersectScratch = scratch;
    let [slots, scores, nextSlots, nextScores] = scratch;
    for (let i = 0; i < size; i++) {
      const posting = first[i] as number;
      slots[i] = posting >>> WEIGHT_BITS;
      scores[i] = posting & WEIGHT_MASK;
    }
    const slotCount = this.ids.length;
    this.candidateBits = grown(this.candidateBits, (slotCount >>> 5) + 1);
    this.candidateScores = grown(this.candidateScores, slotCount);
    const bits = this.candidateBits;
    const scoreAt = this.candidateScores;
    let count = size;
    for (let k = 1; k < reachedByWord.length && count > 0; k++) {
      const list = this.merged(reachedByWord[k] as Int32Array[], 1);
      const length = list.length;
      let kept = 0;
      if (length > LOOKUP_RATIO * count) {
        let at = 0;
        for (let i = 0; i < count && at < length; i++) {
          const slot = slots[i] as number;
          at = firstAtLeast(list, at, slot << WEIGHT_BITS);
          const posting = list[at];
          if (posting === undefined || posting >>> WEIGHT_BITS !== slot) continue;
          nextSlots[kept] = slot;
          nextScores[kept++] = (scores[i] as number) + (posting & WEIGHT_MASK);
        }
      } else {
        // The candidates as bits (an eighth of a byte per slot, so the set stays in the nearest caches) with their scores beside.
        for (let i = 0; i < count; i++) {
          const slot = slots[i] as number;
          bits[slot >>> 5] = (bits[slot >>> 5] as number) | (1 << (slot & 31));
          scoreAt[slot] = scores[i] as number;
        }
        for (let j = 0; j < length; j++) {
          const posting = list[j] as number;
          const slot = posting >>> WEIGHT_BITS;
          if (((bits[slot >>> 5] as number) & (1 << (slot & 31))) === 0) continue;
          nextSlots[kept] = slot;
          nextScores[kept++] = (scoreAt[slot] as number) + (posting & WEIGHT_MASK);
        }
        for (let i = 0; i < count; i++) bits[(slots[i] as number) >>> 5] = 0;
      }
      [slots, nextSlots] = [nextSlots, slots];
      [scores, nextScores] = [nextScores, scores];
      count = kept;
    }
    return { slots: slots.subarray(0, count), scores: scores.subarray(0, count) };
  }

  /** Several posting lists as one in slot order (in scratch space `w`, valid until its next merge); one list as it is. */
  private merged(lists: Int32Array[], w = 0): Int32Array {
    if (lists.length === 0) return EMPTY;
    if (lists.length === 1) return lists[0] as Int32Array;
    const size = sizeOf(lists);
    const held = this.mergeScratch[w] ?? [new Int32Array(0), new Int32Array(0)];
    const [a, b] = [grown(held[0], size), grown(held[1], size)];
    this.mergeScratch[w] = [a, b];
    let merged = lists[0] as Int32Array;
    for (let k = 1; k < lists.length; k++) {
      const out = k % 2 === 1 ? a : b;
      merged = out.subarray(0, mergePostings(merged, lists[k] as Int32Array, out));
    }
    return merged;
  }

  /** The fewest slots a query without text must walk: one filter's products, the price stretch, or all. */
  private smallestSource(query: IndexQuery, from: number, to: number): ArrayLike<number>[] {
    const options: ArrayLike<number>[][] = [];
    if (query.categoryId !== null) {
      const category = this.categories.find(query.categoryId);
      options.push([category === undefined ? [] : this.membersOf(categoryKey(category))]);
    }
    // One product has one value per attribute, so the lists of a filter's values never share a slot.
    for (const anyOf of query.attributes) {
      options.push(anyOf.flatMap((wanted) => Object.entries(wanted).map(([k, v]) => this.membersOf(attributeKey(k, v)))));
    }
    if (query.minPrice !== null || query.maxPrice !== null) options.push([this.sortedBy('price_asc').subarray(from, to)]);
    if (options.length === 0) return [this.allSlots()];
    return options.reduce((best, option) => (sizeOf(option) < sizeOf(best) ? option : best));
  }

  /** Per distinct category tree, 1 when it holds the category (an unknown category: none does). */
  private treesHolding(categoryId: string): Uint8Array {
    const category = this.categories.find(categoryId);
    const holds = new Uint8Array(this.trees.length);
    if (category !== undefined) for (const [number, tree] of this.trees.entries()) holds[number] = tree.includes(category) ? 1 : 0;
    return holds;
  }

  /** One attribute filter as (value column, wanted value number) pairs, any of which lets a slot pass. */
  private attributeTest(anyOf: Record<string, AttributeValue>[]): AttributeTest {
    const columns: Int32Array[] = [];
    const wanted: number[] = [];
    for (const candidate of anyOf) {
      for (const [key, value] of Object.entries(candidate)) {
        const column = this.attributeColumn(key);
        columns.push(column.values);
        // A value no product has never matches: numbers start at 1, 0 marks no value.
        wanted.push(column.numbers.get(valueKey(value)) ?? -1);
      }
    }
    return { columns, wanted };
  }

  /**
   * Each slot's value of one attribute as a number (0: none), built at the first filter on it and kept
   * up to date. A value is numbered once per distinct attribute set, not per product: at a million
   * products a slot costs a copy, and the first filter on an attribute stays a few milliseconds.
   */
  private attributeColumn(key: string): AttributeColumn {
    const kept = this.attributeColumns.get(key);
    if (kept) return kept;
    const column: AttributeColumn = { values: new Int32Array(this.alive.length), numbers: new Map() };
    const numberOfSet = Int32Array.from(this.attributeSets.values, (attributes) => valueNumber(column, attributes?.[key]));
    const { values } = column;
    const setAt = this.attributeSetAt;
    for (let slot = 0; slot < this.ids.length; slot++) values[slot] = numberOfSet[setAt[slot] as number] as number;
    this.attributeColumns.set(key, column);
    return column;
  }

  /** The query's price bounds as the stretch [from, to) of the cheapest-first order. */
  private priceStretch(query: IndexQuery): { from: number; to: number } {
    const order = this.sortedBy('price_asc');
    const { prices } = this;
    const { minPrice, maxPrice } = query;
    const from = minPrice === null ? 0 : this.firstPassing(order, (slot) => (prices[slot] as number) >= minPrice);
    const to = maxPrice === null ? order.length : this.firstPassing(order, (slot) => (prices[slot] as number) > maxPrice);
    return { from, to: Math.max(from, to) };
  }

  /** The first position of `order` whose slot passes `test` (which turns true along the order and stays true). */
  private firstPassing(order: ArrayLike<number>, test: (slot: number) => boolean): number {
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (test(order[mid] as number)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** 0, 1, 2… up to the slot count, kept between searches. */
  private allSlots(): Int32Array {
    const count = this.ids.length;
    if (this.identity.length < count) this.identity = Int32Array.from({ length: Math.max(count, this.identity.length * 2) }, (_, i) => i);
    return this.identity.subarray(0, count);
  }

  /**
   * Live slots holding every word (any of its forms), rarest word first, with their relevance in
   * `score`: per word the best weight among its forms, summed; exact code matches far above all.
   */
  private textMatches(query: IndexQuery): Int32Array {
    const words = query.words.map((forms) => this.listsOf(forms)).sort((a, b) => sizeOf(a) - sizeOf(b));
    // Two scratch arrays taking turns: each word keeps the slots of the previous word that hold it.
    const bound = (words[0] ? sizeOf(words[0]) : 0) + query.exactIds.length;
    const scratch = [grown(this.textScratch[0], bound), grown(this.textScratch[1], bound)] as const;
    this.textScratch = [scratch[0], scratch[1]];
    this.reserveSteps(words.length + 1);
    const { hot, marks, alive } = this;
    let matched: Int32Array | null = null;
    let count = 0;
    for (const [w, lists] of words.entries()) {
      const previous = this.generation;
      const current = ++this.generation;
      const found = scratch[w % 2] as Int32Array;
      let foundCount = 0;
      let candidatesSorted = false;
      for (const list of lists) {
        if (matched !== null && list.length > LOOKUP_RATIO * count) {
          // Few candidates left against a long list: each is looked up (lists are in slot order) rather than the list read.
          if (!candidatesSorted) matched.subarray(0, count).sort();
          candidatesSorted = true;
          let at = 0;
          for (let i = 0; i < count && at < list.length; i++) {
            const slot = matched[i] as number;
            at = firstAtLeast(list, at, slot << WEIGHT_BITS);
            const posting = list[at];
            if (posting === undefined || posting >>> WEIGHT_BITS !== slot) continue;
            const weight = posting & WEIGHT_MASK;
            const seen = marks[slot] as number;
            if (seen >> WEIGHT_BITS === current) {
              if (weight > (seen & WEIGHT_MASK)) marks[slot] = (current << WEIGHT_BITS) | weight;
            } else if (seen >> WEIGHT_BITS === previous) {
              marks[slot] = (current << WEIGHT_BITS) | weight;
              found[foundCount++] = slot;
            }
          }
          continue;
        }
        const length = list.length;
        for (let i = 0; i < length; i++) {
          const posting = list[i] as number;
          const slot = posting >>> WEIGHT_BITS;
          const weight = posting & WEIGHT_MASK;
          const seen = marks[slot] as number;
          if (seen >> WEIGHT_BITS === current) {
            if (weight > (seen & WEIGHT_MASK)) marks[slot] = (current << WEIGHT_BITS) | weight;
          } else if (matched === null ? alive[slot] === 1 : seen >> WEIGHT_BITS === previous) {
            marks[slot] = (current << WEIGHT_BITS) | weight;
            found[foundCount++] = slot;
          }
        }
      }
      for (let i = 0; i < foundCount; i++) {
        const slot = found[i] as number;
        const record = slot * STRIDE + SCORE;
        hot[record] = (matched === null ? 0 : (hot[record] as number)) + ((marks[slot] as number) & WEIGHT_MASK);
      }
      matched = found;
      count = foundCount;
    }
    const result = matched ?? scratch[0];
    const current = this.generation;
    for (const id of query.exactIds) {
      const slot = this.slotOf.get(id);
      if (slot === undefined) continue;
      const record = slot * STRIDE + SCORE;
      if ((marks[slot] as number) >> WEIGHT_BITS !== current || matched === null) {
        hot[record] = 0;
        result[count++] = slot;
        marks[slot] = current << WEIGHT_BITS;
      }
      hot[record] = (hot[record] as number) + EXACT_SCORE;
    }
    return result.subarray(0, count);
  }

  private membersOf(key: string): Int32Array {
    return this.members.get(key)?.view() ?? EMPTY;
  }

  /** Every posting list one word's forms reach (a prefix reaches each lexeme it begins). */
  private listsOf(forms: WordForm[]): Int32Array[] {
    const lists: Int32Array[] = [];
    for (const form of forms) {
      if ('prefix' in form) {
        for (const lexeme of this.postings.startingWith(form.prefix)) lists.push(this.postings.of(lexeme));
      } else if (form.lexemes.length === 1) {
        lists.push(this.postings.of(form.lexemes[0] as string));
      } else if (form.lexemes.length > 1) {
        lists.push(this.allOf(form.lexemes));
      }
    }
    return lists;
  }

  /** Postings of products holding every one of several lexemes (a word the parser splits), weighted by the first. */
  private allOf(lexemes: string[]): Int32Array {
    const [first, ...rest] = lexemes.map((l) => this.postings.of(l));
    const others = rest.map((list) => new Set(Array.from(list, (p) => p >>> WEIGHT_BITS)));
    return (first ?? EMPTY).filter((p) => others.every((set) => set.has(p >>> WEIGHT_BITS)));
  }

  private comparator(sort: IndexAfter['sort']): (a: number, b: number) => number {
    const { ids, created, prices } = this;
    const byIdDesc = (a: number, b: number) => ((ids[a] as string) < (ids[b] as string) ? 1 : -1);
    const newest = (a: number, b: number) => (created[b] as number) - (created[a] as number) || byIdDesc(a, b);
    switch (sort) {
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

  /** A page of matches ordered here: relevance, or an indexed order over few matches. */
  private rankedPage(
    slots: Int32Array,
    sort: ProductSort,
    query: IndexQuery,
    keys: Float64Array | null,
  ): { slots: number[]; more: boolean } {
    const after = query.after;
    const narrowed = after !== null && after.sort === sort;
    const candidates = narrowed ? slots.filter((slot) => this.isAfter(slot, after)) : slots;
    const start = after ? 0 : query.offset;
    const wanted = topByKey(candidates, start + query.limit + 1, keys && !narrowed ? keys : this.keysOf(candidates, sort));
    return { slots: wanted.slice(start, start + query.limit), more: wanted.length > start + query.limit };
  }

  /** A page of many matches: walks the catalogue kept in that order, from the keyset position or the offset. */
  private orderedPage(matched: Int32Array, sort: IndexAfter['sort'], query: IndexQuery): { slots: number[]; more: boolean } {
    this.reserveSteps(1);
    const current = ++this.generation;
    const { marks } = this;
    for (const slot of matched) marks[slot] = current << WEIGHT_BITS;
    const order = this.sortedBy(sort);
    const after = query.after && query.after.sort === sort ? query.after : null;
    let i = after ? this.firstPassing(order, (slot) => this.isAfter(slot, after)) : 0;
    let end = order.length;
    // In a price order the matches lie within the price bounds' stretch (price descending is the
    // cheapest-first order reversed): the walk starts and ends there.
    if (sort !== 'newest') {
      const { from, to } = this.priceStretch(query);
      i = Math.max(i, sort === 'price_asc' ? from : end - to);
      end = sort === 'price_asc' ? to : end - from;
    }
    let skip = after ? 0 : query.offset;
    const slots: number[] = [];
    for (; i < end && slots.length <= query.limit; i++) {
      const slot = order[i] as number;
      if ((marks[slot] as number) >> WEIGHT_BITS !== current) continue;
      if (skip > 0) skip--;
      else slots.push(slot);
    }
    return { slots: slots.slice(0, query.limit), more: slots.length > query.limit };
  }

  /**
   * One number per slot whose descending order is `sort`'s order: positions in the kept orders, and
   * for relevance the score above the position among the newest, so ordering a page compares numbers.
   * Side by side with `slots` (in a scratch array valid until the next search).
   */
  private keysOf(slots: ArrayLike<number>, sort: ProductSort): Float64Array {
    const { hot } = this;
    const count = this.ids.length;
    const n = slots.length;
    this.key = grown(this.key, n);
    const key = this.key;
    if (sort === 'price_asc' || sort === 'price_desc') {
      // Price descending (ties by id descending) is exactly price ascending (ties by id ascending) reversed.
      this.rankIn('price_asc');
      const ascending = sort === 'price_asc';
      for (let i = 0; i < n; i++) {
        const position = hot[(slots[i] as number) * STRIDE + CHEAPEST] as number;
        key[i] = ascending ? count - position : position;
      }
      return key.subarray(0, n);
    }
    this.rankIn('newest');
    const relevance = sort === 'relevance';
    for (let i = 0; i < n; i++) {
      const at = (slots[i] as number) * STRIDE;
      key[i] = (relevance ? (hot[at + SCORE] as number) * (count + 1) : 0) + (count - (hot[at + NEWEST] as number));
    }
    return key.subarray(0, n);
  }

  /** Writes each slot's position in the kept order into its record, when the order changed since the last time. */
  private rankIn(sort: 'newest' | 'price_asc'): void {
    const order = this.sortedBy(sort);
    if (this.rankedFrom.get(sort) === order) return;
    const { hot } = this;
    const field = sort === 'newest' ? NEWEST : CHEAPEST;
    for (let i = 0; i < order.length; i++) hot[(order[i] as number) * STRIDE + field] = i;
    this.rankedFrom.set(sort, order);
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
      const kept = slots.subarray(0, count);
      this.orders.set(sort, { slots: kept, covers: count, compactions: this.compactions });
      return kept;
    }
    const slots = new Int32Array(count);
    for (let slot = 0; slot < count; slot++) slots[slot] = slot;
    slots.sort(compare);
    this.orders.set(sort, { slots, covers: count, compactions: this.compactions });
    return slots;
  }
}
