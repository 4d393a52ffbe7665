import { defineMachine } from '@bazar/kit/machine';

export type RebuildStatus = 'running' | 'completed' | 'failed';

/** A replay of the event archive into fresh rollups (`bazar analytics rebuild`). */
export const rebuildMachine = defineMachine<RebuildStatus>(
  {
    running: ['completed', 'failed'],
    completed: [],
    failed: [],
  },
  'analytics.illegal_transition',
);
