import { everyPair } from '@bazar/kit/machine';
import { describe, expect, it } from 'vitest';
import { type ImportStatus, importMachine } from './import-status.ts';

const ALLOWED: [ImportStatus, ImportStatus][] = [
  ['queued', 'running'],
  ['running', 'completed'],
  ['running', 'failed'],
  ['running', 'queued'],
];
const { allowed, refused } = everyPair(importMachine, ALLOWED);

describe('importMachine', () => {
  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(importMachine.can(from, to)).toBe(true);
    expect(() => importMachine.assert(from, to)).not.toThrow();
  });

  it.each(refused)('refuses %s → %s with 409 catalog.illegal_import_transition', (from, to) => {
    expect(importMachine.can(from, to)).toBe(false);
    expect(() => importMachine.assert(from, to)).toThrow(
      expect.objectContaining({ code: 'catalog.illegal_import_transition', status: 409 }),
    );
  });
});
