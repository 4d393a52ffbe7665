import { DomainError } from './errors.ts';

/** A lifecycle as one transition table, checked at load and shared as data (STYLE §4). */
export interface Machine<S extends string> {
  readonly states: readonly S[];
  can(from: S, to: S): boolean;
  next(from: S): readonly S[];
  /** Throws a 409 `<code>` DomainError when `from → to` is not in the table. */
  assert(from: S, to: S): void;
}

export function defineMachine<S extends string>(table: Record<S, readonly S[]>, errorCode = 'machine.illegal_transition'): Machine<S> {
  const states = Object.keys(table) as S[];
  for (const [from, targets] of Object.entries(table) as [S, readonly S[]][]) {
    for (const to of targets) {
      if (!(to in table)) throw new Error(`state machine: ${from} → ${to} targets an unknown state`);
    }
  }
  const can = (from: S, to: S) => (table[from] ?? []).includes(to);
  return {
    states,
    can,
    next: (from) => table[from] ?? [],
    assert(from, to) {
      if (!can(from, to)) {
        throw new DomainError(errorCode, 409, `Cannot move from ${from} to ${to}`, { from, to });
      }
    },
  };
}
