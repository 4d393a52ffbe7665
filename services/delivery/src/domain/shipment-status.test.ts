import { SHIPMENT_STATUSES } from '@bazar/contracts/events/delivery';
import { describe, expect, it } from 'vitest';
import { type ShipmentStatus, shipmentMachine } from './shipment-status.ts';

const ALLOWED: [ShipmentStatus, ShipmentStatus][] = [
  ['ready', 'assigned'],
  ['ready', 'cancelled'],
  ['assigned', 'assigned'],
  ['assigned', 'picked_up'],
  ['assigned', 'cancelled'],
  ['picked_up', 'in_transit'],
  ['picked_up', 'delivered'],
  ['picked_up', 'failed'],
  ['in_transit', 'delivered'],
  ['in_transit', 'failed'],
  ['failed', 'assigned'],
  ['failed', 'returned'],
];
const isAllowed = (from: ShipmentStatus, to: ShipmentStatus) => ALLOWED.some(([f, t]) => f === from && t === to);
const pairs = SHIPMENT_STATUSES.flatMap((from) => SHIPMENT_STATUSES.map((to) => [from, to] as [ShipmentStatus, ShipmentStatus]));

describe('shipment state machine', () => {
  it('covers every status of the contract', () => {
    expect([...shipmentMachine.states].sort()).toEqual([...SHIPMENT_STATUSES].sort());
  });

  it.each(pairs.filter(([f, t]) => isAllowed(f, t)))('allows %s → %s', (from, to) => {
    expect(shipmentMachine.can(from, to)).toBe(true);
  });

  it.each(pairs.filter(([f, t]) => !isAllowed(f, t)))('refuses %s → %s with 409 delivery.illegal_transition', (from, to) => {
    expect(shipmentMachine.can(from, to)).toBe(false);
    expect(() => shipmentMachine.assert(from, to)).toThrow(expect.objectContaining({ code: 'delivery.illegal_transition', status: 409 }));
  });
});
