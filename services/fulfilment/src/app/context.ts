import type { ServiceDeps } from '@bazar/kit/service';

/** What fulfilment's use cases need: the host's deps (no settings of its own yet). */
export interface FulfilmentContext {
  deps: ServiceDeps;
}
