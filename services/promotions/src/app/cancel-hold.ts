import type { PromotionsContext } from './context.ts';
import { returnHold } from './return-hold.ts';

/** Returns a hold's points (checkout compensation); idempotent, an unknown id answers `not_found`. */
export async function cancelHold(ctx: PromotionsContext, holdId: string) {
  const status = await ctx.deps.uow((tctx) => returnHold(tctx, ctx.deps.ids, holdId, ctx.deps.clock.now()));
  return { holdId, status };
}
