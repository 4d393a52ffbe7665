import { resetWallets } from '../db/bet-repo.ts';
import { weekOf } from '../domain/week.ts';
import type { BettingContext } from './context.ts';

/** Gives every manager the weekly budget again; a second run in the same week changes nothing. */
export async function resetWeeklyBudgets(ctx: BettingContext): Promise<number> {
  const now = ctx.deps.clock.now();
  return ctx.deps.uow(({ tx }) => resetWallets(tx, weekOf(now), ctx.config.BETTING_WEEKLY_BUDGET, now));
}
