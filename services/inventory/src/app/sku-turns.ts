/**
 * This process's reservations of a SKU, one at a time. Each then starts from the levels the one
 * before it left (`RecentStock`) and its compare-and-set holds; racing instead, all but one of a
 * burst on a popular product failed, read the stock again, and under a run on it queued on the
 * row's lock in the locked path (docs/decisions/0024). Other processes still race, and lose only
 * a retry.
 */
export interface SkuTurns {
  /** Runs `work` once every earlier turn on any of `skus` has ended; turns on other SKUs run alongside. */
  take<R>(skus: readonly string[], work: () => Promise<R>): Promise<R>;
}

export function skuTurns(): SkuTurns {
  const last = new Map<string, Promise<void>>();
  return {
    async take(skus, work) {
      const keys = [...new Set(skus)];
      const earlier = keys.flatMap((sku) => last.get(sku) ?? []);
      let end!: () => void;
      const mine = new Promise<void>((resolve) => {
        end = resolve;
      });
      // Queued on every SKU at once, before waiting: a turn only ever waits on turns queued before
      // it, so turns over overlapping SKUs cannot wait on each other.
      for (const sku of keys) last.set(sku, mine);
      try {
        await Promise.all(earlier);
        return await work();
      } finally {
        end();
        for (const sku of keys) if (last.get(sku) === mine) last.delete(sku);
      }
    },
  };
}
