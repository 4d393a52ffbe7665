import type { ServiceDeps } from '@bazar/kit/service';
import type { AnalyticsConfig } from '../config.ts';
import type { Sources } from './sources.ts';

/** What analytics' use cases need: the host's deps, the settings and the events it folds. */
export interface AnalyticsContext {
  deps: ServiceDeps;
  config: AnalyticsConfig;
  sources: Sources;
}

/** What folding needs: the settings and the sources (a rebuild folds outside a running service). */
export type FoldContext = Pick<AnalyticsContext, 'config' | 'sources'>;
