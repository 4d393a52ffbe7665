import { readEnv } from '@bazar/kit/config';
import { type Static, Type } from 'typebox';

export const BettingConfigSchema = Type.Object({
  BETTING_WEEKLY_BUDGET: Type.Integer({
    default: 1_000,
    minimum: 1,
    maximum: 1_000_000_000,
    description: 'Points each manager may stake per week',
  }),
  BETTING_RESET_CRON: Type.String({
    default: '0 0 * * 1',
    description: 'UTC cron of the weekly budget reset (Monday 00:00 by default); "off" disables the job',
  }),
});
export type BettingConfig = Static<typeof BettingConfigSchema>;

export const readBettingConfig = (env: Record<string, string | undefined>) => readEnv(BettingConfigSchema, env);
