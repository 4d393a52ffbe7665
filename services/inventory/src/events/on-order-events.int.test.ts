import { FulfilmentPacked } from '@bazar/contracts/events/fulfilment';
import { OrderCancelled, OrderPaid } from '@bazar/contracts/events/orders';
import { envelope } from '@bazar/kit/events/event';
import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceVariant, client, DEFAULT_WAREHOUSE_ID, freshSku, movementsOf, stockOf } from '../../test/helpers.ts';
import { verifyStock } from '../app/verify-stock.ts';
import inventory from '../index.ts';

let t: TestService;
beforeAll(async () => {
  t = await startTestService(inventory);
});
afterAll(() => t?.close());

const rub = (amount: number) => ({ amount, currency: 'RUB' });
const snapshot = (orderId: string, sku: string, quantity: number) => ({
  orderId,
  number: 'B-000001',
  customerId: newId(),
  status: 'paid',
  previousStatus: 'awaiting_payment',
  total: rub(100),
  subtotal: rub(100),
  discount: rub(0),
  shipping: rub(0),
  exchangeRate: '1',
  paymentId: null,
  pointsUsed: 0,
  lines: [{ variantId: newId(), sku, title: sku, quantity, unitPrice: rub(100) }],
  delivery: { phone: '+7', address: { city: 'Kazan', street: 'S', house: '1' } },
  actorId: null,
  note: null,
  at: new Date().toISOString(),
});
const paid = (orderId: string, sku: string, quantity: number) => envelope(OrderPaid.make(snapshot(orderId, sku, quantity)), 'orders');
const cancelled = (orderId: string, sku: string, previousStatus: string) =>
  envelope(OrderCancelled.make({ ...snapshot(orderId, sku, 1), status: 'cancelled', previousStatus }), 'orders');

describe('order events', () => {
  it('answers order.paid with the warehouse of each reserved line, and fulfilment.packed with shipment movements once', async () => {
    const sku = freshSku('SHIP');
    await announceVariant(t, sku, 5);
    const orderId = newId();
    const reservationId = newId();
    await client(t).reserve({ reservationId, orderId, lines: [{ sku, quantity: 2 }] });
    await t.bus.publish(paid(orderId, sku, 2));
    const allocated = (await t.outbox('inventory')).filter((e) => e.type === 'inventory.order_allocated');
    expect(allocated.map((e) => e.data)).toEqual([
      expect.objectContaining({ orderId, reservationId, lines: [{ sku, warehouseId: DEFAULT_WAREHOUSE_ID, quantity: 2 }] }),
    ]);
    const packed = envelope(
      FulfilmentPacked.make({ orderId, taskIds: [newId()], warehouseIds: [DEFAULT_WAREHOUSE_ID], packedAt: new Date().toISOString() }),
      'fulfilment',
    );
    await t.bus.publish(packed);
    await t.bus.publish({ ...packed, id: newId() });
    expect(await stockOf(t, sku)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 3, reserved: 0 }]);
    expect((await movementsOf(t, sku)).map((m) => [m.reason, m.onHandDelta, m.reservedDelta])).toEqual([
      ['initial', 5, 0],
      ['reserve', 0, 2],
      ['shipment', -2, -2],
    ]);
    expect((await verifyStock(t.database)).ok).toBe(true);
  });

  it('publishes nothing for a paid order it holds no stock for', async () => {
    const orderId = newId();
    await t.bus.publish(paid(orderId, 'NONE', 1));
    const allocated = (await t.outbox('inventory')).filter(
      (e) => e.type === 'inventory.order_allocated' && (e.data as { orderId: string }).orderId === orderId,
    );
    expect(allocated).toEqual([]);
  });

  it('puts the goods of an order cancelled after packing back on the shelf, once', async () => {
    const sku = freshSku('RET');
    await announceVariant(t, sku, 4);
    const orderId = newId();
    await client(t).reserve({ reservationId: newId(), orderId, lines: [{ sku, quantity: 3 }] });
    await t.bus.publish(
      envelope(
        FulfilmentPacked.make({ orderId, taskIds: [newId()], warehouseIds: [DEFAULT_WAREHOUSE_ID], packedAt: new Date().toISOString() }),
        'fulfilment',
      ),
    );
    const event = cancelled(orderId, sku, 'packed');
    await t.bus.publish(event);
    await t.bus.publish(event);
    expect(await stockOf(t, sku)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 4, reserved: 0 }]);
    expect((await movementsOf(t, sku)).map((m) => m.reason)).toEqual(['initial', 'reserve', 'shipment', 'return']);
    expect((await verifyStock(t.database)).ok).toBe(true);
  });

  it('puts the goods of a parcel brought back after a failed delivery on the shelf, and leaves a paid order alone', async () => {
    const sku = freshSku('BACK');
    await announceVariant(t, sku, 6);
    const orderId = newId();
    await client(t).reserve({ reservationId: newId(), orderId, lines: [{ sku, quantity: 2 }] });
    await t.bus.publish(
      envelope(
        FulfilmentPacked.make({ orderId, taskIds: [newId()], warehouseIds: [DEFAULT_WAREHOUSE_ID], packedAt: new Date().toISOString() }),
        'fulfilment',
      ),
    );
    expect(await stockOf(t, sku)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 4, reserved: 0 }]);
    await t.bus.publish(cancelled(orderId, sku, 'shipped'));
    expect(await stockOf(t, sku)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 6, reserved: 0 }]);
    const journal = await movementsOf(t, sku);
    expect(journal.map((m) => [m.reason, m.onHandDelta])).toEqual([
      ['initial', 6],
      ['reserve', 0],
      ['shipment', -2],
      ['return', 2],
    ]);
    // A paid order's reservation is released by orders' release job, not returned here.
    const other = newId();
    await client(t).reserve({ reservationId: newId(), orderId: other, lines: [{ sku, quantity: 1 }] });
    await t.bus.publish(cancelled(other, sku, 'paid'));
    expect(await stockOf(t, sku)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 6, reserved: 1 }]);
    expect((await verifyStock(t.database)).ok).toBe(true);
  });
});
