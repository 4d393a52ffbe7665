import { ReturnReceived } from '@bazar/contracts/events/returns';
import { envelope } from '@bazar/kit/events/event';
import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceVariant, freshSku, movementsOf, stockOf } from '../../test/helpers.ts';
import inventory from '../index.ts';

let t: TestService;
beforeAll(async () => {
  t = await startTestService(inventory);
});
afterAll(() => t?.close());

const received = (lines: { sku: string; quantity: number; restock: boolean }[]) =>
  envelope(
    ReturnReceived.make({
      returnId: newId(),
      orderId: newId(),
      orderNumber: 'B-000001',
      customerId: newId(),
      status: 'received',
      lines: lines.map((l) => ({ ...l, variantId: newId() })),
      refund: { amount: 0, currency: 'RUB' },
      exchangeRate: '1',
      reason: null,
      at: new Date().toISOString(),
    }),
    'orders',
  );

describe('on return.received.v1', () => {
  it('puts restocked items back on hand as a `return` movement, once, and leaves written-off items out', async () => {
    const kept = freshSku();
    const writtenOff = freshSku();
    await announceVariant(t, kept, 3);
    await announceVariant(t, writtenOff, 3);
    const event = received([
      { sku: kept, quantity: 2, restock: true },
      { sku: writtenOff, quantity: 1, restock: false },
    ]);
    await t.bus.publish(event);
    await t.bus.publish(event);
    expect(await stockOf(t, kept)).toMatchObject([{ onHand: 5, reserved: 0 }]);
    expect(await stockOf(t, writtenOff)).toMatchObject([{ onHand: 3 }]);
    expect((await movementsOf(t, kept)).map((m) => [m.reason, m.onHandDelta])).toEqual([
      ['initial', 3],
      ['return', 2],
    ]);
    expect((await movementsOf(t, writtenOff)).map((m) => m.reason)).toEqual(['initial']);
  });
});
