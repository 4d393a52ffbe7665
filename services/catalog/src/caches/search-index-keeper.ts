import type { DbOrTx } from '@bazar/kit/db/database';
import { type PageProductRow, pageProductOf } from '../db/product-search.ts';
import { lastRevision, loadLiveProducts, loadProductChanges, type ProductChange, runningTransactions } from '../db/search-documents.ts';
import { SearchIndex } from '../domain/search-index.ts';
import { type TermLookup, WordDictionary } from '../domain/word-dictionary.ts';

const CHUNK = 5_000;

/** A revision handed out when these transactions were running: safe to pass once they have all ended. */
interface Horizon {
  revision: number;
  running: bigint[];
}

/** Waiting longer than this at start for a transaction that may hold a product revision is waiting for a stuck one. */
const BUILD_WAIT_MS = 30_000;

/** Whether every transaction of the horizon has ended, given who runs now. */
function hasEnded(horizon: Horizon, now: { xmin: bigint; running: bigint[] }): boolean {
  const still = new Set(now.running);
  return horizon.running.every((xid) => xid < now.xmin || !still.has(xid));
}

export interface SearchIndexKeeper {
  /** The index with every product change committed before the call applied. */
  fresh(): Promise<SearchIndex>;
  /** Which query terms no title word equals, with their likely corrections; as of the last `fresh()`. */
  lookupTerms(terms: string[]): TermLookup;
  /** Live products with a variant whose SKU (any case) or barcode is `code`; as of the last `fresh()`. */
  withCode(code: string): string[];
  /** The product's results-page copy at this revision, when kept (`pageCopies`). */
  pageCopy(id: string, revision: number): PageProductRow | undefined;
  /** Catches up every `pollMs` between searches, so a search finds little to apply. */
  start(pollMs: number): void;
  stop(): void;
}

/**
 * Keeps this process's search index in step with the products table, whoever wrote it. Each write
 * takes a revision from one sequence; a catch-up reads the rows above the revision known complete.
 * A revision is complete only once every transaction running when it was handed out has ended, so
 * a transaction that commits after a later one is never skipped. Before each search one statement
 * asks for the newest revision (and, while writers were still running, a second whether they ended);
 * the tables are read only when something changed.
 */
export function createSearchIndexKeeper(db: DbOrTx, options: { pageCopies: boolean }): SearchIndexKeeper {
  const index = new SearchIndex();
  const { pageCopies } = options;
  // UTF-8 bytes rather than strings or parsed rows: a third of the memory, and none of it for the GC to walk.
  const copies = new Map<string, { revision: number; bytes: Buffer }>();
  // Title words are only ever added, as the database's dictionary table keeps them.
  const dictionary = new WordDictionary();
  const codesOf = new Map<string, string[]>();
  // Nearly every code names one product: a list, not a set, per code.
  const productsByCode = new Map<string, string[]>();
  const setCodes = (id: string, codes: string[]) => {
    for (const code of codesOf.get(id) ?? []) {
      const holders = (productsByCode.get(code) ?? []).filter((holder) => holder !== id);
      if (holders.length > 0) productsByCode.set(code, holders);
      else productsByCode.delete(code);
    }
    if (codes.length > 0) codesOf.set(id, codes);
    else codesOf.delete(id);
    for (const code of codes) {
      const holders = productsByCode.get(code);
      if (!holders) productsByCode.set(code, [id]);
      else if (!holders.includes(id)) holders.push(id);
    }
  };
  let complete = 0;
  let seen = -1;
  let horizons: Horizon[] = [];
  let timer: NodeJS.Timeout | undefined;

  const apply = (changes: ProductChange[]) => {
    for (const { product, archived, page, words, codes } of changes) {
      const newer = (index.revision(product.id) ?? -1) < product.revision;
      if (archived) index.remove(product.id, product.revision);
      else index.upsert(product);
      if (!archived) for (const word of words) dictionary.add(word);
      if (newer) setCodes(product.id, archived ? [] : codes);
      const held = copies.get(product.id);
      if (held && held.revision >= product.revision) continue;
      if (archived || page === null) copies.delete(product.id);
      else copies.set(product.id, { revision: product.revision, bytes: Buffer.from(page) });
    }
  };

  /** Notes the newest revision and the transactions that may still hold lower ones. */
  async function takeHorizon(): Promise<Horizon> {
    const revision = await lastRevision(db);
    const { running } = await runningTransactions(db);
    return { revision, running };
  }

  async function build(): Promise<void> {
    const horizon = await takeHorizon();
    // Revisions up to the horizon must be visible to the load: wait out the transactions that may hold them.
    const giveUpAt = Date.now() + BUILD_WAIT_MS;
    while (!hasEnded(horizon, await runningTransactions(db)) && Date.now() < giveUpAt) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    let afterId: string | null = null;
    for (;;) {
      const chunk = await loadLiveProducts(db, afterId, CHUNK, pageCopies);
      apply(chunk);
      if (chunk.length < CHUNK) break;
      afterId = chunk[chunk.length - 1]?.product.id ?? null;
    }
    complete = horizon.revision;
    seen = horizon.revision;
    index.prepareOrders();
  }

  async function catchUp(): Promise<void> {
    const horizon = await takeHorizon();
    horizons.push(horizon);
    for (;;) {
      const changes = await loadProductChanges(db, complete, CHUNK, pageCopies);
      apply(changes);
      if (changes.length < CHUNK) break;
    }
    const now = await runningTransactions(db);
    const ended = horizons.filter((h) => hasEnded(h, now));
    if (ended.length > 0) complete = Math.max(complete, ...ended.map((h) => h.revision));
    horizons = horizons.filter((h) => !ended.includes(h));
    seen = horizon.revision;
    index.compactIfWasteful();
    index.prepareOrders();
  }

  let built: Promise<void> | null = null;
  // Built on first use (the tables exist by then); a failed build is tried again by the next call.
  const ensureBuilt = () =>
    (built ??= build().catch((error: unknown) => {
      built = null;
      throw error;
    }));
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;

  /** One check at a time; a call during a check waits for the next one, which starts after it. */
  function refresh(): Promise<void> {
    if (!running) {
      running = (async () => {
        await ensureBuilt();
        if ((await lastRevision(db)) === seen) {
          // Nothing new was handed out: rows can only be missing if a transaction we waited for has ended.
          if (horizons.length === 0) return;
          const now = await runningTransactions(db);
          if (!horizons.some((h) => hasEnded(h, now))) return;
        }
        await catchUp();
      })().finally(() => {
        running = null;
      });
      return running;
    }
    queued ??= running
      .catch(() => {})
      .then(() => {
        queued = null;
        return refresh();
      });
    return queued;
  }

  return {
    async fresh() {
      await refresh();
      return index;
    },
    lookupTerms: (terms) => dictionary.lookup(terms),
    withCode(code) {
      const ids = new Set([...(productsByCode.get(`s${code.toUpperCase()}`) ?? []), ...(productsByCode.get(`b${code}`) ?? [])]);
      return [...ids];
    },
    pageCopy(id, revision) {
      const held = copies.get(id);
      return held && held.revision === revision ? pageProductOf(held.bytes.toString()) : undefined;
    },
    start(pollMs) {
      // Built now rather than by the first search, which would otherwise wait for it.
      void refresh().catch(() => {});
      timer = setInterval(() => void refresh().catch(() => {}), pollMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
    },
  };
}
