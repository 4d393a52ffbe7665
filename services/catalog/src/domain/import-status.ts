import { defineMachine } from '@bazar/kit/machine';

/** A CSV import's lifecycle; one interrupted by a restart is queued again and resumes. */
export type ImportStatus = 'queued' | 'running' | 'completed' | 'failed';

export const importMachine = defineMachine<ImportStatus>(
  {
    queued: ['running'],
    running: ['completed', 'failed', 'queued'],
    completed: [],
    failed: [],
  },
  'catalog.illegal_import_transition',
);
