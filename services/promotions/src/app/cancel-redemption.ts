import { cancelRedemptionRow } from '../db/redemption-repo.ts';
import type { PromotionsContext } from './context.ts';

/** Gives a redemption's use back (checkout compensation); idempotent, an unknown id answers `not_found`. */
export async function cancelRedemption(ctx: PromotionsContext, redemptionId: string) {
  const status = await ctx.deps.uow(({ tx }) => cancelRedemptionRow(tx, redemptionId, ctx.deps.clock.now()));
  return { redemptionId, status };
}
