import { describe, expect, it } from 'vitest';
import { MESSAGE_STATUSES, type MessageStatus, messageMachine } from './message-status.ts';

const ALLOWED: [MessageStatus, MessageStatus][] = [
  ['pending', 'sent'],
  ['pending', 'failed'],
  ['failed', 'pending'],
];
const isAllowed = (from: MessageStatus, to: MessageStatus) => ALLOWED.some(([f, t]) => f === from && t === to);
const pairs = MESSAGE_STATUSES.flatMap((from) => MESSAGE_STATUSES.map((to) => [from, to] as [MessageStatus, MessageStatus]));

describe('message state machine', () => {
  it('covers every status', () => expect([...messageMachine.states].sort()).toEqual([...MESSAGE_STATUSES].sort()));

  it.each(pairs.filter(([f, t]) => isAllowed(f, t)))('allows %s → %s', (from, to) => expect(messageMachine.can(from, to)).toBe(true));

  it.each(pairs.filter(([f, t]) => !isAllowed(f, t)))('refuses %s → %s with 409 notifications.illegal_transition', (from, to) => {
    expect(messageMachine.can(from, to)).toBe(false);
    expect(() => messageMachine.assert(from, to)).toThrow(
      expect.objectContaining({ code: 'notifications.illegal_transition', status: 409 }),
    );
  });
});
