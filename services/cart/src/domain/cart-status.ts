import { defineMachine } from '@bazar/kit/machine';

/** A cart's lifecycle: closed while its checkout runs, open again when the order is not placed. */
export type CartStatus = 'open' | 'checked_out';

export const cartMachine = defineMachine<CartStatus>(
  {
    open: ['checked_out'],
    checked_out: ['open'],
  },
  'cart.illegal_transition',
);
