import { DomainError } from './errors.ts';

/** A lifecycle as one transition table, checked at load and shared as data (STYLE §4). */
export interface Machine<S extends string> {
  readonly states: readonly S[];
  can(from: S, to: S): boolean;
  next(from: S): readonly S[];
  /** The states that may move to `to`: what a compare-and-set write of `to` expects to find. */
  sources(to: S): S[];
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
    sources: (to) => states.filter((from) => can(from, to)),
    assert(from, to) {
      if (!can(from, to)) {
        throw new DomainError(errorCode, 409, `Cannot move from ${from} to ${to}`, { from, to });
      }
    },
  };
}

/**
 * Every ordered pair of a machine's states, split by whether `allowed` lists it: the table an
 * every-pair test walks (STYLE: state-machine tests cover every pair, allowed and refused).
 */
export function everyPair<S extends string>(machine: Machine<S>, allowed: readonly (readonly [S, S])[]) {
  const listed = new Set(allowed.map(([from, to]) => `${from}>${to}`));
  const pairs = machine.states.flatMap((from) => machine.states.map((to) => [from, to] as [S, S]));
  return {
    allowed: pairs.filter(([from, to]) => listed.has(`${from}>${to}`)),
    refused: pairs.filter(([from, to]) => !listed.has(`${from}>${to}`)),
  };
}
