import { defineMachine } from '@bazar/kit/machine';

/**
 * A checkout's lifecycle (orders.checkouts.status). The saga settles a running checkout (completed,
 * or declined by the card) or compensates it; recovery compensates one a crash left running,
 * compensating or failed to compensate, straight from where it stands, and tries a failed one again.
 */
export type CheckoutStatus = 'running' | 'compensating' | 'compensated' | 'compensation_failed' | 'completed' | 'declined';

export const checkoutMachine = defineMachine<CheckoutStatus>(
  {
    running: ['completed', 'declined', 'compensating', 'compensated', 'compensation_failed'],
    compensating: ['compensated', 'compensation_failed'],
    compensation_failed: ['compensated', 'compensation_failed'],
    completed: [],
    declined: [],
    compensated: [],
  },
  'orders.illegal_checkout_transition',
);
