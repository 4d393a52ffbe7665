import { everyPair } from '@bazar/kit/machine';
import { describe, expect, it } from 'vitest';
import { canCancel, type ServiceRequestStatus, serviceRequestMachine } from './service-request-status.ts';

const ALLOWED: [ServiceRequestStatus, ServiceRequestStatus][] = [
  ['matching', 'assigned'],
  ['matching', 'cancelled'],
  ['matching', 'unmatched'],
  ['assigned', 'equipping'],
  ['assigned', 'in_progress'],
  ['assigned', 'cancelled'],
  ['equipping', 'equipped'],
  ['equipping', 'cancelled'],
  ['equipped', 'in_progress'],
  ['equipped', 'cancelled'],
  ['in_progress', 'completed'],
  ['in_progress', 'cancelled'],
];

describe('service request lifecycle', () => {
  const { allowed, refused } = everyPair(serviceRequestMachine, ALLOWED);
  it.each(allowed)('allows %s → %s', (from, to) => expect(serviceRequestMachine.can(from, to)).toBe(true));
  it.each(refused)('refuses %s → %s with 409 orders.illegal_transition', (from, to) => {
    expect(() => serviceRequestMachine.assert(from, to)).toThrow(
      expect.objectContaining({ code: 'orders.illegal_transition', status: 409 }),
    );
  });
  it('lets the owner cancel until work starts and a manager until it is completed', () => {
    expect(canCancel('equipped', { isOwner: true, isManager: false })).toBe(true);
    expect(canCancel('in_progress', { isOwner: true, isManager: false })).toBe(false);
    expect(canCancel('in_progress', { isOwner: false, isManager: true })).toBe(true);
    expect(canCancel('completed', { isOwner: true, isManager: true })).toBe(false);
    expect(canCancel('matching', { isOwner: false, isManager: false })).toBe(false);
  });
});
