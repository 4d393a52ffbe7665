import type { JobDefinition } from '@bazar/kit/jobs';
import type { RatesContext } from '../app/context.ts';
import { refreshRates } from '../app/refresh-rates.ts';

export const REFRESH_RATES_QUEUE = 'rates.refresh_rates';

/**
 * The scheduled provider pull. A failure is logged and rethrown, so the queue retries it
 * (retryLimit) and the table stays as it was until a pull succeeds.
 */
export function refreshRatesDaily(ctx: RatesContext): JobDefinition {
  const cron = ctx.config.RATES_REFRESH_CRON;
  return {
    queue: REFRESH_RATES_QUEUE,
    ...(cron === 'off' ? {} : { cron }),
    retryLimit: 5,
    async handler() {
      try {
        const result = await refreshRates(ctx, { actorId: null });
        ctx.deps.log.info({ changed: result.changed, providerDate: result.providerDate }, 'rates refreshed from the provider');
      } catch (error) {
        ctx.deps.log.warn({ err: error }, 'rates refresh failed; the queue will retry');
        throw error;
      }
    },
  };
}
