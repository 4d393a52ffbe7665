import type { ServiceDeps } from '@bazar/kit/service';
import type { RatesConfig } from '../config.ts';

/** What the rates use cases need: the host's deps and the service settings. */
export interface RatesContext {
  deps: ServiceDeps;
  config: RatesConfig;
}
