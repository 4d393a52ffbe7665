import { defineMachine } from '@bazar/kit/machine';

export type TransferStatus = 'in_transit' | 'received' | 'cancelled';

/** A transfer leaves its source when created; it then arrives at the destination, or is cancelled back into the source. */
export const transferMachine = defineMachine<TransferStatus>(
  { in_transit: ['received', 'cancelled'], received: [], cancelled: [] },
  'inventory.illegal_transition',
);
