import { readEnv } from '@bazar/kit/config';
import { type Static, Type } from 'typebox';

export const AnalyticsConfigSchema = Type.Object({
  BASE_CURRENCY: Type.String({ default: 'RUB', pattern: '^[A-Z]{3}$', description: 'The store currency prices are set in' }),
  ANALYTICS_REBUILD_BATCH: Type.Integer({
    default: 5_000,
    minimum: 100,
    maximum: 50_000,
    description: 'Archived events folded per step of `bazar analytics rebuild`',
  }),
});
export type AnalyticsConfig = Static<typeof AnalyticsConfigSchema>;

export const readAnalyticsConfig = (env: Record<string, string | undefined>) => readEnv(AnalyticsConfigSchema, env);
