const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-case words of a text (letters and digits, three or more), deduplicated, for the typo dictionary. */
export function searchWordsOf(text: string): string[] {
  const words = new Set<string>();
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const word = match[0].replaceAll('ё', 'е');
    if (word.length >= 3 && word.length <= 40) words.add(word);
  }
  return [...words];
}

/**
 * Words of a search query in order, at most eight of them (longer queries are noise for ranking).
 * Only letters and digits survive, so no operator of the full-text query syntax (`!`, `&`, `|`,
 * `:*`, quotes, backslashes) ever reaches the parser from a shopper.
 */
export function queryTermsOf(q: string): string[] {
  return [...new Set([...q.toLowerCase().replaceAll('ё', 'е').matchAll(WORD)].map((m) => m[0].slice(0, 40)))].slice(0, 8);
}

const MIN_PREFIX_LENGTH = 3;

/**
 * Per query word, the alternatives any of which a product must contain: the word, its likely
 * corrections, and for the last word — when no title word equals it, as while the shopper is still
 * typing — its prefix form `word:*`.
 */
export function termAlternatives(words: string[], corrections: Map<string, string[]>, unknown: Set<string>): string[][] {
  return words.map((word, index) => {
    const unfinished = index === words.length - 1 && unknown.has(word) && word.length >= MIN_PREFIX_LENGTH;
    return [word, ...(unfinished ? [`${word}:*`] : []), ...(corrections.get(word) ?? [])];
  });
}

/** A query that could be a SKU or barcode: one token of printable characters, no longer than a code may be. */
export const isCodeLike = (q: string) => q.length <= 64 && /^[^\s\p{C}]+$/u.test(q);

/**
 * The query as it was searched when a word was taken for a typo ("красовки" → "кроссовки"), for
 * the storefront's "showing results for"; null when no word was corrected. A word that begins a
 * dictionary word is being typed, not mistyped, and is left as it is.
 */
export function correctedQueryOf(words: string[], corrections: Map<string, string[]>, unknown: Set<string>): string | null {
  let changed = false;
  const out = words.map((word) => {
    const best = unknown.has(word) ? corrections.get(word)?.[0] : undefined;
    if (!best || best.startsWith(word)) return word;
    changed = true;
    return best;
  });
  return changed ? out.join(' ') : null;
}
