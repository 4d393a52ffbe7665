import { describe, expect, it } from 'vitest';
import { defineMachine } from './machine.ts';

const table = { draft: ['open'], open: ['closed', 'draft'], closed: [] } as const;

describe('defineMachine', () => {
  const machine = defineMachine<'draft' | 'open' | 'closed'>(
    { draft: ['open'], open: ['closed', 'draft'], closed: [] },
    'test.illegal_transition',
  );
  it.each(
    (Object.keys(table) as (keyof typeof table)[]).flatMap((from) =>
      (Object.keys(table) as (keyof typeof table)[]).map((to) => [from, to, (table[from] as readonly string[]).includes(to)] as const),
    ),
  )('%s → %s allowed: %s', (from, to, allowed) => {
    expect(machine.can(from, to)).toBe(allowed);
    if (allowed) expect(() => machine.assert(from, to)).not.toThrow();
    else expect(() => machine.assert(from, to)).toThrow(expect.objectContaining({ status: 409, code: 'test.illegal_transition' }));
  });

  it('names the states that may move to a state, for compare-and-set writes', () => {
    expect(machine.sources('draft')).toEqual(['open']);
    expect(machine.sources('closed')).toEqual(['open']);
    expect(machine.sources('open')).toEqual(['draft']);
  });

  it('rejects a table whose edge targets an unknown state', () => {
    expect(() => defineMachine<'a' | 'b'>({ a: ['b'], b: ['c' as 'a'] })).toThrow('unknown state');
  });
});
