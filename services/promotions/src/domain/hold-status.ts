import { defineMachine } from '@bazar/kit/machine';

/** A loyalty points hold's lifecycle: held by a checkout, cancelled when its order is not placed or is cancelled. */
export type HoldStatus = 'held' | 'cancelled';

export const holdMachine = defineMachine<HoldStatus>(
  {
    held: ['cancelled'],
    cancelled: [],
  },
  'promotions.illegal_transition',
);
