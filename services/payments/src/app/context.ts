import type { ServiceDeps } from '@bazar/kit/service';
import type { PaymentsConfig } from '../config.ts';
import type { Providers } from '../providers/registry.ts';

/** What payments' use cases need: the host's deps, settings and the configured providers. */
export interface PaymentsContext {
  deps: ServiceDeps;
  config: PaymentsConfig;
  providers: Providers;
}
