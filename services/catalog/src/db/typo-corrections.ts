import type { DbOrTx } from '@bazar/kit/db/database';
import { sql } from 'drizzle-orm';
import { searchWords } from './schema.ts';

const MIN_KNOWN_LENGTH = 3;
const MIN_FUZZY_LENGTH = 4;

export interface TermLookup {
  /** Per unknown term, the known words it is likely a typo of. */
  corrections: Map<string, string[]>;
  /** Terms of three or more letters that no title word equals (typos or unfinished words). */
  unknown: Set<string>;
}

/**
 * Known title words close to each unknown query term (pg_trgm similarity over the word
 * dictionary, GIN-indexed): "красовки" → "кроссовки". Known terms get no corrections.
 */
export async function findCorrections(db: DbOrTx, terms: string[]): Promise<TermLookup> {
  const candidates = [...new Set(terms.filter((t) => t.length >= MIN_KNOWN_LENGTH))];
  const lookup: TermLookup = { corrections: new Map(), unknown: new Set() };
  if (candidates.length === 0) return lookup;
  const list = sql.join(
    candidates.map((t) => sql`${t}`),
    sql`, `,
  );
  const rows = await db
    .select({ term: sql<string>`t.term`, word: sql<string | null>`w.word` })
    .from(sql`unnest(ARRAY[${list}]::text[]) AS t(term)`)
    .leftJoin(
      sql`LATERAL (SELECT ${searchWords.word} AS word FROM ${searchWords} WHERE length(t.term) >= ${MIN_FUZZY_LENGTH} AND ${searchWords.word} % t.term AND ${searchWords.word} <> t.term ORDER BY similarity(${searchWords.word}, t.term) DESC LIMIT 3) w`,
      sql`true`,
    )
    .where(sql`NOT EXISTS (SELECT 1 FROM ${searchWords} k WHERE k.word = t.term)`);
  for (const { term, word } of rows) {
    lookup.unknown.add(term);
    if (word) lookup.corrections.set(term, [...(lookup.corrections.get(term) ?? []), word]);
  }
  return lookup;
}
