import { walletsOf } from '../db/bet-repo.ts';
import { weekOf } from '../domain/week.ts';
import type { BettingContext } from './context.ts';

/** The caller's points left this week (the whole budget when the wallet belongs to an older week). */
export async function getBudget(ctx: BettingContext, managerId: string) {
  const week = weekOf(ctx.deps.clock.now());
  const [wallet] = await walletsOf(ctx.deps.db, [managerId]);
  const budget = ctx.config.BETTING_WEEKLY_BUDGET;
  return { week, weeklyBudget: budget, balance: wallet && wallet.week >= week ? wallet.balance : budget };
}
