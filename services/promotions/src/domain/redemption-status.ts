import { defineMachine } from '@bazar/kit/machine';

/** A promo code redemption's lifecycle: one use counted by a checkout, given back when its order is not placed or is cancelled. */
export type RedemptionStatus = 'redeemed' | 'cancelled';

export const redemptionMachine = defineMachine<RedemptionStatus>(
  {
    redeemed: ['cancelled'],
    cancelled: [],
  },
  'promotions.illegal_transition',
);
