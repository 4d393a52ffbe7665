import { describe, expect, it } from 'vitest';
import { type RebuildStatus, rebuildMachine } from './rebuild-status.ts';

const allowed: [RebuildStatus, RebuildStatus][] = [
  ['running', 'completed'],
  ['running', 'failed'],
];

describe('rebuild lifecycle', () => {
  for (const from of rebuildMachine.states) {
    for (const to of rebuildMachine.states) {
      const ok = allowed.some(([f, t]) => f === from && t === to);
      it(`${ok ? 'allows' : 'refuses'} ${from} → ${to}`, () => {
        expect(rebuildMachine.can(from, to)).toBe(ok);
        if (!ok) expect(() => rebuildMachine.assert(from, to)).toThrow(/Cannot move/);
      });
    }
  }
});
