import { readEnv } from '@bazar/kit/config';
import { type Static, Type } from 'typebox';

export const PromotionsConfigSchema = Type.Object({
  BASE_CURRENCY: Type.String({
    default: 'RUB',
    pattern: '^[A-Z]{3}$',
    description: 'Currency of fixed discounts, minimums and point value',
  }),
  LOYALTY_EARN_PERCENT: Type.Integer({
    default: 5,
    minimum: 0,
    maximum: 100,
    description: 'Share of a delivered order total (in the base currency) returned as points',
  }),
  LOYALTY_POINT_VALUE_MINOR: Type.Integer({
    default: 100,
    minimum: 1,
    description: 'What one point is worth, in minor units of the base currency (100 = 1 RUB)',
  }),
});
export type PromotionsConfig = Static<typeof PromotionsConfigSchema>;

export const readPromotionsConfig = (env: Record<string, string | undefined>) => readEnv(PromotionsConfigSchema, env);
