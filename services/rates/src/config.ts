import { readEnv } from '@bazar/kit/config';
import { type Static, Type } from 'typebox';

export const CBR_DAILY_URL = 'https://www.cbr.ru/scripts/XML_daily.asp';

export const RatesConfigSchema = Type.Object({
  BASE_CURRENCY: Type.String({ default: 'RUB', pattern: '^[A-Z]{3}$', description: 'Currency every rate is quoted against' }),
  RATES_PROVIDER_URL: Type.String({ default: CBR_DAILY_URL, description: 'CBR XML_daily.asp-format feed' }),
  RATES_PROVIDER_TIMEOUT_MS: Type.Integer({ default: 10_000, minimum: 100, description: 'Whole-request timeout for the provider' }),
  RATES_REFRESH_CRON: Type.String({
    // CBR publishes the next day's rates at about 11:30 Moscow time (08:30 UTC).
    default: '0 9 * * *',
    description: 'UTC cron of the scheduled provider refresh; "off" disables it',
  }),
});
export type RatesConfig = Static<typeof RatesConfigSchema>;

export const readRatesConfig = (env: Record<string, string | undefined>) => readEnv(RatesConfigSchema, env);
