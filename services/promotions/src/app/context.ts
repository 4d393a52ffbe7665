import type { ServiceDeps } from '@bazar/kit/service';
import type { PromotionsConfig } from '../config.ts';

/** What promotions' use cases need: the host's deps and the promotions settings. */
export interface PromotionsContext {
  deps: ServiceDeps;
  config: PromotionsConfig;
}
