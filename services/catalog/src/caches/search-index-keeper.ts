import type { DbOrTx } from '@bazar/kit/db/database';
import {
  lastRevision,
  loadLiveProducts,
  loadProductChanges,
  type ProductChange,
  runningTransactions,
  runningTransactionsAndClaim,
} from '../db/search-documents.ts';
import { CodeTable } from '../domain/code-table.ts';
import { type Horizon, hasEnded, horizonOf, type Snapshot } from '../domain/revision-horizon.ts';
import { SearchIndex } from '../domain/search-index.ts';
import { type TermLookup, WordDictionary } from '../domain/word-dictionary.ts';
import { PageCopies } from './page-copies.ts';

const CHUNK = 5_000;

/** Waiting longer than this at start for a transaction that may hold a product revision is waiting for a stuck one. */
const BUILD_WAIT_MS = 30_000;

/** Where the keeper reads products: the catalog's tables, or a scripted sequence of answers in tests. */
export interface SearchDocumentSource {
  lastRevision(): Promise<number>;
  runningTransactions(): Promise<Snapshot>;
  runningTransactionsAndClaim(): Promise<{ snapshot: Snapshot; claimed: bigint }>;
  loadLiveProducts(afterId: string | null, limit: number, pages: boolean): Promise<ProductChange[]>;
  loadProductChanges(revision: number, limit: number, pages: boolean): Promise<ProductChange[]>;
}

export const tableSource = (db: DbOrTx): SearchDocumentSource => ({
  lastRevision: () => lastRevision(db),
  runningTransactions: () => runningTransactions(db),
  runningTransactionsAndClaim: () => runningTransactionsAndClaim(db),
  loadLiveProducts: (afterId, limit, pages) => loadLiveProducts(db, afterId, limit, pages),
  loadProductChanges: (revision, limit, pages) => loadProductChanges(db, revision, limit, pages),
});

export interface SearchIndexKeeper {
  /** The index with every product change committed before the call applied. */
  fresh(): Promise<SearchIndex>;
  /** Which query terms no title word equals, with their likely corrections; as of the last `fresh()`. */
  lookupTerms(terms: string[]): TermLookup;
  /** Up to `limit` title words (the words typos are corrected to); as of the last `fresh()`. */
  titleWords(limit: number): string[];
  /** Live products with a variant whose SKU (any case) or barcode is `code`; as of the last `fresh()`. */
  withCode(code: string): string[];
  /** The product's results-page item (UTF-8 JSON, `pageCopyColumn`) at this revision, when kept (`pageCopies`). */
  pageCopy(id: string, revision: number): Buffer | undefined;
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
export function createSearchIndexKeeper(source: SearchDocumentSource, options: { pageCopies: boolean }): SearchIndexKeeper {
  const index = new SearchIndex();
  const { pageCopies } = options;
  // UTF-8 bytes rather than strings or parsed rows: a third of the memory, and none of it for the GC to walk.
  const copies = new PageCopies();
  // Title words are only ever added, as the database's dictionary table keeps them.
  const dictionary = new WordDictionary();
  // SKUs are unique in any case and barcodes exactly, so a code names one live product.
  const codeTable = new CodeTable();
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
      if (newer) codeTable.set(product.id, archived ? [] : codes);
      if ((copies.revision(product.id) ?? -1) >= product.revision) continue;
      if (archived || page === null) copies.delete(product.id);
      else copies.set(product.id, product.revision, page);
    }
  };

  /** Notes the newest revision and the transactions that may still hold lower ones. */
  /** Notes the newest revision and who runs now; `now` is also the snapshot horizons are judged by. */
  async function takeHorizon(): Promise<{ horizon: Horizon; now: Snapshot }> {
    const revision = await source.lastRevision();
    const { snapshot, claimed } = await source.runningTransactionsAndClaim();
    return { horizon: horizonOf(revision, snapshot, claimed), now: snapshot };
  }

  async function build(): Promise<void> {
    const { horizon } = await takeHorizon();
    // Revisions up to the horizon must be visible to the load: wait out the transactions that may hold them.
    const giveUpAt = Date.now() + BUILD_WAIT_MS;
    while (!hasEnded(horizon, await source.runningTransactions()) && Date.now() < giveUpAt) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    let afterId: string | null = null;
    for (;;) {
      const chunk = await source.loadLiveProducts(afterId, CHUNK, pageCopies);
      apply(chunk);
      if (chunk.length < CHUNK) break;
      afterId = chunk[chunk.length - 1]?.product.id ?? null;
    }
    complete = horizon.revision;
    seen = horizon.revision;
    index.regroup();
    index.prepareOrders();
    index.reserveScratch();
  }

  async function catchUp(): Promise<void> {
    // Judged by who ran before the load, not after it: a transaction ending between the load and a
    // later look would count as ended while its rows were not in what the load read.
    const { horizon, now } = await takeHorizon();
    horizons.push(horizon);
    for (;;) {
      const changes = await source.loadProductChanges(complete, CHUNK, pageCopies);
      apply(changes);
      if (changes.length < CHUNK) break;
    }
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
        if ((await source.lastRevision()) === seen) {
          // Nothing new was handed out: rows can only be missing if a transaction we waited for has ended.
          if (horizons.length === 0) return;
          const now = await source.runningTransactions();
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
    titleWords: (limit) => dictionary.some(limit),
    withCode(code) {
      return [...new Set([...codeTable.productsWith(`s${code.toUpperCase()}`), ...codeTable.productsWith(`b${code}`)])];
    },
    pageCopy: (id, revision) => copies.get(id, revision),
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
