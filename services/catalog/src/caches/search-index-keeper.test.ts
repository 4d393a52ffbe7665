import { describe, expect, it } from 'vitest';
import type { ProductChange } from '../db/search-documents.ts';
import { createSearchIndexKeeper, type SearchDocumentSource } from './search-index-keeper.ts';

const change = (revision: number): ProductChange => ({
  archived: false,
  page: null,
  words: ['фонарь'],
  codes: ['sLAMP-1'],
  product: {
    id: '00000000-0000-4000-8000-000000000001',
    revision,
    lexemes: new Map([['фонар', 1]]),
    categoryTree: [],
    priceMinor: 100,
    inStock: true,
    attributes: {},
    createdMicros: 1,
  },
});

/**
 * A products table writers commit to, at a moment the test chooses, with
 * PostgreSQL's snapshots: `xmax` is the newest completed id plus one, and a running transaction at
 * or above it is not listed.
 */
function scriptedTable() {
  const table = {
    revision: 0,
    running: new Set<bigint>(),
    latestCompleted: 99n,
    nextXid: 100n,
    committed: [] as ProductChange[],
    /** The writer to commit right after the next read of the changes. */
    commitAfterNextLoad: null as bigint | null,
  };
  const begin = () => {
    const xid = table.nextXid++;
    table.running.add(xid);
    return xid;
  };
  const end = (xid: bigint) => {
    table.running.delete(xid);
    if (xid > table.latestCompleted) table.latestCompleted = xid;
  };
  const commit = (writer: bigint) => {
    end(writer);
    table.committed.push(change(1));
  };
  const snapshot = () => {
    const xmax = table.latestCompleted + 1n;
    const running = [...table.running].filter((xid) => xid < xmax).sort();
    return { xmin: running[0] ?? xmax, xmax, running };
  };
  const source: SearchDocumentSource = {
    lastRevision: async () => table.revision,
    runningTransactions: async () => snapshot(),
    runningTransactionsAndClaim: async () => {
      const now = snapshot();
      const claimed = begin();
      end(claimed);
      return { snapshot: now, claimed };
    },
    loadLiveProducts: async () => table.committed.filter((c) => !c.archived),
    loadProductChanges: async (revision) => {
      const seen = table.committed.filter((c) => c.product.revision > revision);
      if (table.commitAfterNextLoad !== null) {
        commit(table.commitAfterNextLoad);
        table.commitAfterNextLoad = null;
      }
      return seen;
    },
  };
  return { table, source, begin, commit };
}

describe('search index keeper', () => {
  it('never takes a writer for ended when it commits between the read of the changes and the next look', async () => {
    const { table, source, begin } = scriptedTable();
    const keeper = createSearchIndexKeeper(source, { pageCopies: false });
    expect((await keeper.fresh()).size).toBe(0);
    // The writer holds revision 1, uncommitted; it commits right after the catch-up has read the changes.
    table.commitAfterNextLoad = begin();
    table.revision = 1;
    expect((await keeper.fresh()).size).toBe(0);
    expect((await keeper.fresh()).size).toBe(1);
    expect(keeper.withCode('lamp-1')).toEqual([change(1).product.id]);
    expect(keeper.lookupTerms(['фонарь']).unknown.size).toBe(0);
  });

  it('never takes a writer for ended when the snapshot did not list it (its id above the newest completed)', async () => {
    const { table, source, begin, commit } = scriptedTable();
    const keeper = createSearchIndexKeeper(source, { pageCopies: false });
    expect((await keeper.fresh()).size).toBe(0);
    const writer = begin();
    table.revision = 1;
    expect((await keeper.fresh()).size).toBe(0);
    commit(writer);
    expect((await keeper.fresh()).size).toBe(1);
  });
});
