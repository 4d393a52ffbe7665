import { describe, expect, it } from 'vitest';
import { failureSendsBack, moveShipment, openShipment, type Shipment } from './shipment.ts';

const at = new Date('2030-01-15T10:00:00Z');
const step = (n: number) => ({ eventId: `e${n}`, at, actorId: null });

function pickedUp(): Shipment {
  const { shipment } = openShipment(
    {
      id: 's1',
      orderId: 'o1',
      orderNumber: 'B-1',
      customerId: 'c1',
      trackingNumber: 'BZ1',
      address: { city: 'Казань', street: 'Баумана', house: '1' },
      phone: '+7',
      deliveryDate: '2030-01-15',
      slot: null,
    },
    step(0),
  );
  const assigned = moveShipment(shipment, 'assigned', { ...step(1), courierId: 'k1' }).shipment;
  return moveShipment(assigned, 'picked_up', step(2)).shipment;
}

describe('failureSendsBack', () => {
  it('sends a refused parcel back on its first failure, and any parcel on the failure that uses up the attempts', () => {
    const failedOnce = moveShipment(pickedUp(), 'failed', step(3)).shipment;
    expect(failureSendsBack(failedOnce, { refused: true, maxAttempts: 3 })).toBe(true);
    expect(failureSendsBack(failedOnce, { refused: false, maxAttempts: 3 })).toBe(false);
    expect(failureSendsBack(failedOnce, { refused: false, maxAttempts: 1 })).toBe(true);
    const thrice = { ...failedOnce, failures: 3 };
    expect(failureSendsBack(thrice, { refused: false, maxAttempts: 3 })).toBe(true);
    expect(failureSendsBack({ ...failedOnce, failures: 2 }, { refused: false, maxAttempts: 3 })).toBe(false);
  });

  it('never sends back a parcel that did not fail', () => {
    expect(failureSendsBack(pickedUp(), { refused: true, maxAttempts: 1 })).toBe(false);
  });
});
