import type { ServiceDeps } from '@bazar/kit/service';

/** What inventory's use cases need: the host's deps (inventory has no settings of its own yet). */
export interface InventoryContext {
  deps: ServiceDeps;
}
