import type { CatalogContext } from './context.ts';

/** How many title words a process stems once its index is built. */
export const TITLE_WORDS_LEARNT_AHEAD = 25_000;

/**
 * Asks the database once, after the index is built, for the stems of up to `limit` title words (the
 * words queries use and typos are corrected to), so the first searches using them do not wait for
 * those round trips: a burst of new queries otherwise queued behind them.
 */
export async function learnTitleStems(ctx: Pick<CatalogContext, 'searchIndex' | 'stems'>, limit: number): Promise<number> {
  await ctx.searchIndex.fresh();
  const words = ctx.searchIndex.titleWords(limit);
  await ctx.stems.learn(words);
  return words.length;
}
