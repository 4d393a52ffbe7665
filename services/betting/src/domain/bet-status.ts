import { defineMachine } from '@bazar/kit/machine';

export type BetStatus = 'open' | 'won' | 'lost' | 'returned';

/** A bet is open until its order's outcome settles it, once. */
export const betMachine = defineMachine<BetStatus>(
  {
    open: ['won', 'lost', 'returned'],
    won: [],
    lost: [],
    returned: [],
  },
  'betting.illegal_transition',
);
