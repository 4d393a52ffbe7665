import type { DbOrTx, Tx } from '@bazar/kit/db/database';
import { and, arrayContains, desc, eq, lt, lte, or, sql } from 'drizzle-orm';
import { emptyRateTable, type RateSource, type RateTable } from '../domain/rate-table.ts';
import { rateSets } from './schema.ts';

export type RateSetRow = typeof rateSets.$inferSelect;

/** Serializes writers until the transaction ends, so two changes never fork the history. */
export async function lockRateTable(tx: Tx): Promise<void> {
  // The key is an arbitrary constant ("rates" in ASCII), written inline so both drivers type it as bigint.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(491261289843)`);
}

export const toRateTable = (row: RateSetRow): RateTable => ({
  base: row.base,
  rates: row.rates,
  sources: row.sources,
  updatedAt: row.createdAt,
});

/** The newest version for `base` (as of `at`, when given), or null before the first rate. */
export async function findRateSet(db: DbOrTx, base: string, at?: Date): Promise<RateSetRow | null> {
  const [row] = await db
    .select()
    .from(rateSets)
    .where(and(eq(rateSets.base, base), at ? lte(rateSets.createdAt, at) : undefined))
    .orderBy(desc(rateSets.createdAt), desc(rateSets.id))
    .limit(1);
  return row ?? null;
}

/** The table in force for `base` (as of `at`); empty when none was set yet. */
export async function loadRateTable(db: DbOrTx, base: string, at?: Date): Promise<{ id: string | null; table: RateTable }> {
  const row = await findRateSet(db, base, at);
  return row ? { id: row.id, table: toRateTable(row) } : { id: null, table: emptyRateTable(base) };
}

export interface NewRateSet {
  id: string;
  table: RateTable;
  source: RateSource;
  changed: string[];
  actorId: string | null;
  providerDate: string | null;
  createdAt: Date;
}

export async function insertRateSet(tx: Tx, set: NewRateSet): Promise<RateSetRow> {
  const [row] = await tx
    .insert(rateSets)
    .values({
      id: set.id,
      base: set.table.base,
      rates: set.table.rates,
      sources: set.table.sources,
      source: set.source,
      changed: set.changed,
      actorId: set.actorId,
      providerDate: set.providerDate,
      createdAt: set.createdAt,
    })
    .returning();
  return row as RateSetRow;
}

/** Versions newest first, optionally only those that changed `currency`; keyset-paged. */
export async function listRateSets(
  db: DbOrTx,
  query: { base: string; currency?: string; limit: number; after?: { at: Date; id: string } },
): Promise<RateSetRow[]> {
  const { after } = query;
  return db
    .select()
    .from(rateSets)
    .where(
      and(
        eq(rateSets.base, query.base),
        query.currency ? arrayContains(rateSets.changed, [query.currency]) : undefined,
        after ? or(lt(rateSets.createdAt, after.at), and(eq(rateSets.createdAt, after.at), lt(rateSets.id, after.id))) : undefined,
      ),
    )
    .orderBy(desc(rateSets.createdAt), desc(rateSets.id))
    .limit(query.limit);
}
