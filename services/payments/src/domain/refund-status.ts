import { defineMachine } from '@bazar/kit/machine';

/** A refund's lifecycle: asked of the provider (pending), then its answer; a refused refund is a new one if tried again. */
export type RefundStatus = 'pending' | 'succeeded' | 'failed';

export const refundMachine = defineMachine<RefundStatus>(
  {
    pending: ['succeeded', 'failed'],
    succeeded: [],
    failed: [],
  },
  'payments.illegal_transition',
);
