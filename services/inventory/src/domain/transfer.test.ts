import { describe, expect, it } from 'vitest';
import { type TransferStatus, transferMachine } from './transfer.ts';

const STATES: TransferStatus[] = ['in_transit', 'received', 'cancelled'];
const ALLOWED = new Set(['in_transit→received', 'in_transit→cancelled']);

describe('transferMachine', () => {
  for (const from of STATES) {
    for (const to of STATES) {
      const allowed = ALLOWED.has(`${from}→${to}`);
      it(`${allowed ? 'allows' : 'refuses'} ${from} → ${to}`, () => {
        expect(transferMachine.can(from, to)).toBe(allowed);
        if (!allowed)
          expect(() => transferMachine.assert(from, to)).toThrow(
            expect.objectContaining({ status: 409, code: 'inventory.illegal_transition' }),
          );
      });
    }
  }
});
