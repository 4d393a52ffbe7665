import type { ServiceDeps } from '@bazar/kit/service';
import type { DeliveryConfig } from '../config.ts';

/** What delivery's use cases need: the host's deps and the delivery settings. */
export interface DeliveryContext {
  deps: ServiceDeps;
  config: DeliveryConfig;
}
