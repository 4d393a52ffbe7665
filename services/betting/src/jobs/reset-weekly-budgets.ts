import type { JobDefinition } from '@bazar/kit/jobs';
import type { BettingContext } from '../app/context.ts';
import { resetWeeklyBudgets } from '../app/reset-weekly-budgets.ts';

export const RESET_BUDGETS_QUEUE = 'betting.reset_weekly_budgets';

/** The weekly reset (BETTING_RESET_CRON); a wallet a late job has not reached is reset when next used. */
export function resetWeeklyBudgetsJob(ctx: BettingContext): JobDefinition {
  const cron = ctx.config.BETTING_RESET_CRON;
  return {
    queue: RESET_BUDGETS_QUEUE,
    ...(cron === 'off' ? {} : { cron }),
    async handler() {
      const reset = await resetWeeklyBudgets(ctx);
      ctx.deps.log.info({ reset }, 'weekly betting budgets reset');
    },
  };
}
