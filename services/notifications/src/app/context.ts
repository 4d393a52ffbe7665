import type { ServiceDeps } from '@bazar/kit/service';
import type { NotificationsConfig } from '../config.ts';
import type { Gateways } from '../gateways/gateways.ts';

/** What notifications' use cases need: the host's deps, the settings and the channels' gateways. */
export interface NotificationsContext {
  deps: ServiceDeps;
  config: NotificationsConfig;
  gateways: Gateways;
}
