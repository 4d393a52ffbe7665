import { deleteCartsUnchangedSince } from '../db/pg-cart-store.ts';
import type { CartContext } from './context.ts';

export const PURGE_QUEUE = 'cart.purge_stale_carts';
const BATCH = 1_000;

/**
 * Removes carts of the database store left unchanged for CART_TTL_DAYS (scheduled only when carts
 * live in the database; Redis expires its own); in batches, so no statement holds many rows at
 * once. Orders keep their own copy of what was bought, so a checked-out cart goes too. Answers how
 * many were removed.
 */
export async function purgeStaleCarts(ctx: CartContext): Promise<number> {
  const cutoff = new Date(ctx.deps.clock.now().getTime() - ctx.config.CART_TTL_DAYS * 86_400_000);
  let removed = 0;
  for (;;) {
    const batch = await deleteCartsUnchangedSince(ctx.deps.db, cutoff, BATCH);
    removed += batch;
    if (batch < BATCH) return removed;
  }
}
