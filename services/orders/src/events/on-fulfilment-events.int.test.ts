import { FulfilmentPacked, PickingTaskRejected, PickingTaskStarted } from '@bazar/contracts/events/fulfilment';
import { envelope } from '@bazar/kit/events/event';
import { newId } from '@bazar/kit/ids';
import type { TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, cartWith, checkoutBody, startOrders, stockedSku } from '../../test/harness.ts';

let t: TestService;
let call: ReturnType<typeof api>;
const customerId = newId();
let token: string;
beforeAll(async () => {
  ({ t } = await startOrders());
  call = api(t);
  token = await t.tokens.issue({ id: customerId, roles: ['customer'] });
});
afterAll(() => t?.close());

async function paidOrder(): Promise<string> {
  const cart = cartWith(customerId, [{ sku: stockedSku(5), quantity: 1 }]);
  const res = await call('POST', '/api/v1/checkout', token, checkoutBody(cart.id));
  expect(res.json().order.status).toBe('paid');
  return res.json().order.id;
}

const now = () => new Date().toISOString();
const facts = (orderId: string) => ({
  taskId: newId(),
  orderId,
  warehouseId: newId(),
  kind: 'order' as const,
  pickerId: newId(),
  at: now(),
});
const started = (orderId: string) => envelope(PickingTaskStarted.make(facts(orderId)), 'fulfilment');
const packed = (orderId: string) =>
  envelope(FulfilmentPacked.make({ orderId, taskIds: [newId()], warehouseIds: [newId()], packedAt: now() }), 'fulfilment');
const rejected = (orderId: string) => envelope(PickingTaskRejected.make({ ...facts(orderId), note: 'dented box' }), 'fulfilment');

const order = async (orderId: string) => (await call('GET', `/api/v1/orders/${orderId}`, token)).json();

describe('orders follow fulfilment', () => {
  it('goes paid → picking on the first start, packed when all is packed, back to picking on a rejection', async () => {
    const orderId = await paidOrder();
    await t.bus.publish(started(orderId));
    await t.bus.publish(started(orderId));
    expect((await order(orderId)).status).toBe('picking');
    await t.bus.publish(packed(orderId));
    expect((await order(orderId)).status).toBe('packed');
    await t.bus.publish(rejected(orderId));
    const back = await order(orderId);
    expect(back.status).toBe('picking');
    expect(back.history.at(-1)).toMatchObject({ from: 'packed', status: 'picking', note: 'quality check: dented box' });
    await t.bus.publish(packed(orderId));
    expect((await order(orderId)).status).toBe('packed');
    const outbox = (await t.outbox('orders')).filter((e) => (e.data as { orderId: string }).orderId === orderId).map((e) => e.type);
    expect(outbox.filter((type) => type === 'order.packed')).toHaveLength(2);
  });

  it('packs an order whose start it never saw through picking, and leaves a cancelled one alone', async () => {
    const orderId = await paidOrder();
    await t.bus.publish(packed(orderId));
    const done = await order(orderId);
    expect(done.status).toBe('packed');
    expect(done.history.map((h: { status: string }) => h.status).slice(-2)).toEqual(['picking', 'packed']);
    const cancelledId = await paidOrder();
    const staff = await t.tokens.issue({ roles: ['operator'] });
    expect((await call('POST', `/api/v1/orders/${cancelledId}/cancel`, staff, {})).statusCode).toBe(200);
    await t.bus.publish(started(cancelledId));
    await t.bus.publish(packed(cancelledId));
    expect((await order(cancelledId)).status).toBe('cancelled');
  });
});
