import type { DbOrTx } from '@bazar/kit/db/database';
import { sql } from 'drizzle-orm';
import { searchWords } from './schema.ts';

const MIN_FUZZY_LENGTH = 4;

/**
 * Known title words close to each unknown query term (pg_trgm similarity over the word
 * dictionary, GIN-indexed): "красовки" → "кроссовки". Known terms get no corrections.
 */
export async function findCorrections(db: DbOrTx, terms: string[]): Promise<Map<string, string[]>> {
  const candidates = [...new Set(terms.filter((t) => t.length >= MIN_FUZZY_LENGTH))];
  const corrections = new Map<string, string[]>();
  if (candidates.length === 0) return corrections;
  const list = sql.join(
    candidates.map((t) => sql`${t}`),
    sql`, `,
  );
  const rows = await db
    .select({ term: sql<string>`t.term`, word: sql<string>`w.word` })
    .from(sql`unnest(ARRAY[${list}]::text[]) AS t(term)`)
    .innerJoin(
      sql`LATERAL (SELECT ${searchWords.word} AS word FROM ${searchWords} WHERE ${searchWords.word} % t.term AND ${searchWords.word} <> t.term ORDER BY similarity(${searchWords.word}, t.term) DESC LIMIT 3) w`,
      sql`true`,
    )
    .where(sql`NOT EXISTS (SELECT 1 FROM ${searchWords} k WHERE k.word = t.term)`);
  for (const { term, word } of rows) corrections.set(term, [...(corrections.get(term) ?? []), word]);
  return corrections;
}
