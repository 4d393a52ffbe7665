import type { PromotionsContext } from './context.ts';
import { cancelHoldInTx } from './hold-store.ts';

/** Returns a hold's points (checkout compensation); idempotent, an unknown id answers `not_found`. */
export async function cancelHold(ctx: PromotionsContext, holdId: string) {
  const status = await ctx.deps.uow((tctx) => cancelHoldInTx(tctx, ctx.deps.ids, holdId, ctx.deps.clock.now()));
  return { holdId, status };
}
