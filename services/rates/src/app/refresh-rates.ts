import { applyRates } from '../domain/rate-table.ts';
import { ProviderUnavailable } from '../domain/rates.errors.ts';
import { CbrFormatError, ratesFromCbr } from '../provider/cbr-daily.ts';
import { fetchCbrDaily } from '../provider/fetch-cbr-daily.ts';
import { changeRateTable, type RateTableChangeResult } from './change-rate-table.ts';
import type { RatesContext } from './context.ts';

export interface RefreshResult extends RateTableChangeResult {
  /** The date the provider set its rates for. */
  providerDate: string | null;
}

/**
 * Pulls the provider and applies every rate it quotes. The download happens before the
 * transaction (DESIGN §1); any provider failure throws ProviderUnavailable and changes nothing.
 */
export async function refreshRates(ctx: RatesContext, input: { actorId: string | null }): Promise<RefreshResult> {
  const { config } = ctx;
  const daily = await fetchCbrDaily(config.RATES_PROVIDER_URL, config.RATES_PROVIDER_TIMEOUT_MS);
  let quoted: Record<string, string>;
  try {
    quoted = ratesFromCbr(daily, config.BASE_CURRENCY);
  } catch (error) {
    if (error instanceof CbrFormatError) throw ProviderUnavailable(error.message, error);
    throw error;
  }
  const result = await changeRateTable(ctx, { source: 'provider', actorId: input.actorId, providerDate: daily.date }, (table, at) =>
    applyRates(table, quoted, 'provider', at),
  );
  return { ...result, providerDate: daily.date };
}
