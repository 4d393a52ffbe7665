import type { ServiceDeps } from '@bazar/kit/service';
import type { WorkforceConfig } from '../config.ts';

/** What workforce's use cases need: the host's deps and the settings. */
export interface WorkforceContext {
  deps: ServiceDeps;
  config: WorkforceConfig;
}
