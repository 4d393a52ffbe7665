const MIN_KNOWN_LENGTH = 3;
const MIN_FUZZY_LENGTH = 4;
const MAX_CORRECTIONS = 3;
/** pg_trgm's default `similarity_threshold`, the bar its `%` operator uses. */
const SIMILARITY_THRESHOLD = 0.3;
const ALNUM = /[\p{L}\p{N}]+/gu;

export interface TermLookup {
  /** Per unknown term, the known words it is likely a typo of, closest first. */
  corrections: Map<string, string[]>;
  /** Terms of three or more letters that no title word equals (typos or unfinished words). */
  unknown: Set<string>;
}

/**
 * The trigrams pg_trgm takes of a text: each run of letters and digits, lower-cased, padded with
 * two spaces before and one after, cut into every three consecutive characters; each kept once.
 */
export function trigramsOf(text: string): string[] {
  const out = new Set<string>();
  for (const match of text.toLowerCase().matchAll(ALNUM)) {
    const chars = [' ', ' ', ...match[0], ' '];
    for (let i = 0; i + 3 <= chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}${chars[i + 2]}`);
  }
  return [...out];
}

/**
 * The dictionary of title words typos are corrected against, in memory: each word's trigram count
 * and, per trigram, the words holding it. Similarity is pg_trgm's — shared trigrams over the
 * trigrams of either — so corrections are the ones its `%` operator and `similarity()` would give.
 */
export class WordDictionary {
  private words = new Map<string, number>();
  private byTrigram = new Map<string, string[]>();

  get size(): number {
    return this.words.size;
  }

  /** Up to `limit` words, in the order they were added. */
  some(limit: number): string[] {
    const out: string[] = [];
    for (const word of this.words.keys()) {
      if (out.length >= limit) break;
      out.push(word);
    }
    return out;
  }

  has(word: string): boolean {
    return this.words.has(word);
  }

  add(word: string): void {
    if (this.words.has(word)) return;
    const trigrams = trigramsOf(word);
    this.words.set(word, trigrams.length);
    for (const trigram of trigrams) {
      const list = this.byTrigram.get(trigram);
      if (list) list.push(word);
      else this.byTrigram.set(trigram, [word]);
    }
  }

  /** Known words at least as similar to `term` as pg_trgm's threshold, closest first (ties alphabetical). */
  closest(term: string, limit = MAX_CORRECTIONS): string[] {
    const trigrams = trigramsOf(term);
    const shared = new Map<string, number>();
    for (const trigram of trigrams) for (const word of this.byTrigram.get(trigram) ?? []) shared.set(word, (shared.get(word) ?? 0) + 1);
    const scored: { word: string; similarity: number }[] = [];
    for (const [word, common] of shared) {
      if (word === term) continue;
      const similarity = common / (trigrams.length + (this.words.get(word) as number) - common);
      if (similarity >= SIMILARITY_THRESHOLD) scored.push({ word, similarity });
    }
    scored.sort((a, b) => b.similarity - a.similarity || (a.word < b.word ? -1 : 1));
    return scored.slice(0, limit).map((s) => s.word);
  }

  /**
   * Which query terms no title word equals, and the known words close to each of four or more
   * letters: "красовки" → "кроссовки". Known terms get no corrections.
   */
  lookup(terms: string[]): TermLookup {
    const lookup: TermLookup = { corrections: new Map(), unknown: new Set() };
    for (const term of new Set(terms)) {
      if (term.length < MIN_KNOWN_LENGTH || this.words.has(term)) continue;
      lookup.unknown.add(term);
      if (term.length < MIN_FUZZY_LENGTH) continue;
      const found = this.closest(term);
      if (found.length > 0) lookup.corrections.set(term, found);
    }
    return lookup;
  }
}
