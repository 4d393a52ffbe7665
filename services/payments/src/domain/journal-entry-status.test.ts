import { everyPair } from '@bazar/kit/machine';
import { describe, expect, it } from 'vitest';
import { type EntryStatus, journalEntryMachine } from './journal-entry-status.ts';

const ALLOWED: [EntryStatus, EntryStatus][] = [
  ['pending', 'posted'],
  ['pending', 'voided'],
];
const { allowed, refused } = everyPair(journalEntryMachine, ALLOWED);

describe('journalEntryMachine', () => {
  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(journalEntryMachine.can(from, to)).toBe(true);
    expect(() => journalEntryMachine.assert(from, to)).not.toThrow();
  });

  it.each(refused)('refuses %s → %s with 409 payments.illegal_transition', (from, to) => {
    expect(journalEntryMachine.can(from, to)).toBe(false);
    expect(() => journalEntryMachine.assert(from, to)).toThrow(
      expect.objectContaining({ code: 'payments.illegal_transition', status: 409 }),
    );
  });
});
