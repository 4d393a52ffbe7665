import type { ServiceDeps } from '@bazar/kit/service';
import type { BettingConfig } from '../config.ts';

/** What betting's use cases need: the host's deps and the settings. */
export interface BettingContext {
  deps: ServiceDeps;
  config: BettingConfig;
}
