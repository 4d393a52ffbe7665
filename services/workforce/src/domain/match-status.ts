import { defineMachine } from '@bazar/kit/machine';

/** Where a request stands in workforce: looking, offered to one worker, assigned, or done with. */
export type MatchStatus = 'matching' | 'offered' | 'assigned' | 'unmatched' | 'closed';

/**
 * A declined or lapsed offer puts the request back to `matching`; orders' close (completed,
 * cancelled or unmatched there) ends it from any state.
 */
export const matchMachine = defineMachine<MatchStatus>(
  {
    matching: ['offered', 'unmatched', 'closed'],
    offered: ['assigned', 'matching', 'closed'],
    assigned: ['closed'],
    unmatched: ['closed'],
    closed: [],
  },
  'workforce.illegal_transition',
);
