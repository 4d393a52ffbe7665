import type { LRUCache } from 'lru-cache';

/** Each word's lexemes, remembered; words not yet known are asked of the database together. */
export interface WordStems {
  /** Makes sure every word's lexemes are in `known` (waits for the statements that bring them). */
  learn(words: string[]): Promise<void>;
  readonly known: LRUCache<string, string[]>;
}

/**
 * One statement at a time: words asked while it runs wait for the next one, which carries every
 * word asked meanwhile. A burst of searches with new words (a page of typos) becomes one or two
 * round trips instead of one per search queueing for the pool.
 */
export function createWordStems(known: LRUCache<string, string[]>, load: (words: string[]) => Promise<Map<string, string[]>>): WordStems {
  let pending = new Set<string>();
  let next: Promise<void> | null = null;
  let running: Promise<void> | null = null;
  let asking = new Set<string>();

  const run = (words: string[]): Promise<void> =>
    load(words).then((stems) => {
      for (const word of words) known.set(word, stems.get(word) ?? []);
    });

  function schedule(): Promise<void> {
    if (!running) {
      asking = pending;
      pending = new Set();
      running = run([...asking]).finally(() => {
        running = null;
        asking = new Set();
      });
      return running;
    }
    next ??= running
      .catch(() => {})
      .then(() => {
        next = null;
        return schedule();
      });
    return next;
  }

  return {
    known,
    async learn(words) {
      const missing = words.filter((word) => !known.has(word));
      if (missing.length === 0) return;
      const unasked = missing.filter((word) => !asking.has(word));
      for (const word of unasked) pending.add(word);
      // Words the running statement already carries need only it; the next one follows it anyway.
      await (unasked.length === 0 && running ? running : schedule());
      // A word evicted or dropped by a failed statement in between is asked once more, alone.
      const still = missing.filter((word) => !known.has(word));
      if (still.length > 0) await run(still);
    },
  };
}
