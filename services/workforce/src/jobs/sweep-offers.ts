import type { JobDefinition } from '@bazar/kit/jobs';
import type { WorkforceContext } from '../app/context.ts';
import { sweepOffers } from '../app/sweep-offers.ts';

export const SWEEP_OFFERS_QUEUE = 'workforce.sweep_offers';

/** Every second: lapsed offers go to the next worker; requests nobody was free for are tried again. */
export function sweepOffersJob(ctx: WorkforceContext): JobDefinition {
  return {
    queue: SWEEP_OFFERS_QUEUE,
    everySeconds: 1,
    retryLimit: 0,
    async handler() {
      const swept = await sweepOffers(ctx);
      if (swept.lapsed > 0) ctx.deps.log.info(swept, 'lapsed offers moved on');
    },
  };
}
