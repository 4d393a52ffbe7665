import { leaderboard } from '../db/bet-repo.ts';
import { monthOf, weekOf } from '../domain/week.ts';
import type { BettingContext } from './context.ts';

/** Managers by net points won (payouts − stakes) on bets settled this week or this month (UTC). */
export async function getLeaderboard(ctx: BettingContext, period: 'week' | 'month') {
  const now = ctx.deps.clock.now();
  const from = period === 'week' ? weekOf(now) : monthOf(now);
  const items = await leaderboard(ctx.deps.db, new Date(`${from}T00:00:00Z`), 100);
  return { period, from, items };
}
