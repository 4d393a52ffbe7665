import type { ServiceDeps } from '@bazar/kit/service';
import type { WrittenTasks } from '../db/written-tasks.ts';

/** What fulfilment's use cases need: the host's deps, and the tasks this process last wrote. */
export interface FulfilmentContext {
  deps: ServiceDeps;
  written: WrittenTasks;
}
