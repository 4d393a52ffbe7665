import { defineMachine } from '@bazar/kit/machine';

/** A ledger entry's lifecycle: pending until its payment settles, then posted or voided; corrections are new entries. */
export type EntryStatus = 'pending' | 'posted' | 'voided';

export const journalEntryMachine = defineMachine<EntryStatus>(
  {
    pending: ['posted', 'voided'],
    posted: [],
    voided: [],
  },
  'payments.illegal_transition',
);
