import { defineMachine } from '@bazar/kit/machine';

/** An offer to one worker: open until answered, lapsed, or withdrawn when its request closes. */
export type OfferStatus = 'open' | 'accepted' | 'declined' | 'expired' | 'withdrawn';

export const offerMachine = defineMachine<OfferStatus>(
  {
    open: ['accepted', 'declined', 'expired', 'withdrawn'],
    accepted: [],
    declined: [],
    expired: [],
    withdrawn: [],
  },
  'workforce.illegal_transition',
);
