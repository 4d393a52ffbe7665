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

/** Words of a search query in order, at most eight of them (longer queries are noise for ranking). */
export function queryTermsOf(q: string): string[] {
  return [...q.toLowerCase().replaceAll('ё', 'е').matchAll(WORD)].map((m) => m[0]).slice(0, 8);
}
