import { SHIPMENT_EVENTS, type ShipmentStatusName } from '@bazar/contracts/events/delivery';
import { envelope } from '@bazar/kit/events/event';
import { newId } from '@bazar/kit/ids';
import { type TestService, waitFor } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fake } from '../../test/fakes/state.ts';
import { api, cartWith, checkoutBody, startOrders, stockedSku, walkOrder } from '../../test/harness.ts';

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

/** A paid order moved to `packed` through orders' use cases. */
async function packedOrder() {
  const sku = stockedSku(5);
  const cart = cartWith(customerId, [{ sku, quantity: 2 }]);
  const res = await call('POST', '/api/v1/checkout', token, checkoutBody(cart.id));
  expect(res.statusCode, res.body).toBe(201);
  const { order, payment } = res.json() as { order: { id: string }; payment: { id: string } };
  await walkOrder(t, order.id, ['picking', 'packed']);
  return { orderId: order.id, paymentId: payment.id, sku };
}

const shipment = { id: newId(), trackingNumber: 'BZ0000000000000001' };
function shipmentEvent(
  orderId: string,
  status: ShipmentStatusName,
  at = new Date(),
  note: string | null = null,
  previousStatus: ShipmentStatusName | null = null,
) {
  return envelope(
    SHIPMENT_EVENTS[status].make({
      shipmentId: shipment.id,
      orderId,
      orderNumber: 'B-000001',
      customerId,
      trackingNumber: shipment.trackingNumber,
      status,
      previousStatus,
      courierId: null,
      city: 'Moscow',
      deliveryDate: at.toISOString().slice(0, 10),
      eta: null,
      note,
      at: at.toISOString(),
    }),
    'delivery',
  );
}
const orderOf = async (id: string) => (await call('GET', `/api/v1/orders/${id}`, token)).json();

describe("orders follow their shipment's events", () => {
  it('shows the shipment on the order, ships it on picked_up and delivers it on delivered, once', async () => {
    const { orderId } = await packedOrder();
    await t.bus.publish(shipmentEvent(orderId, 'assigned', new Date(), null, 'ready'));
    expect(await orderOf(orderId)).toMatchObject({
      status: 'packed',
      shipment: { id: shipment.id, status: 'assigned', trackingNumber: shipment.trackingNumber },
    });
    const pickedUp = shipmentEvent(orderId, 'picked_up', new Date(), null, 'assigned');
    await t.bus.publish(pickedUp);
    await t.bus.publish(pickedUp);
    expect(await orderOf(orderId)).toMatchObject({ status: 'shipped', shipment: { status: 'picked_up' } });
    await t.bus.publish(shipmentEvent(orderId, 'delivered', new Date(), null, 'picked_up'));
    const delivered = await orderOf(orderId);
    expect(delivered).toMatchObject({ status: 'delivered', shipment: { status: 'delivered' } });
    expect(delivered.history.map((h: { status: string }) => h.status)).toEqual([
      'awaiting_payment',
      'paid',
      'picking',
      'packed',
      'shipped',
      'delivered',
    ]);
    const published = (await t.outbox()).filter((e) => (e.data as { orderId: string }).orderId === orderId).map((e) => e.type);
    expect(published.filter((type) => type === 'order.shipped')).toHaveLength(1);
    expect(published.filter((type) => type === 'order.delivered')).toHaveLength(1);
  });

  it('passes shipped when delivered overtakes picked_up, and keeps the newest shipment status when an old event arrives late', async () => {
    const { orderId } = await packedOrder();
    const earlier = new Date(Date.now() - 60_000);
    await t.bus.publish(shipmentEvent(orderId, 'delivered'));
    await t.bus.publish(shipmentEvent(orderId, 'picked_up', earlier));
    expect(await orderOf(orderId)).toMatchObject({ status: 'delivered', shipment: { status: 'delivered' } });
  });

  it('keeps the assignment when it arrives before the opening step it shares an instant with', async () => {
    const { orderId } = await packedOrder();
    const opened = new Date();
    await t.bus.publish(shipmentEvent(orderId, 'assigned', opened, null, 'ready'));
    await t.bus.publish(shipmentEvent(orderId, 'ready', opened));
    expect(await orderOf(orderId)).toMatchObject({ status: 'packed', shipment: { status: 'assigned' } });
  });

  it('takes the assignment after the opening step it shares an instant with', async () => {
    const { orderId } = await packedOrder();
    const opened = new Date();
    await t.bus.publish(shipmentEvent(orderId, 'ready', opened));
    expect(await orderOf(orderId)).toMatchObject({ shipment: { status: 'ready' } });
    await t.bus.publish(shipmentEvent(orderId, 'assigned', opened, null, 'ready'));
    expect(await orderOf(orderId)).toMatchObject({ status: 'packed', shipment: { status: 'assigned' } });
  });

  it('keeps a shipped order shipped on a failed attempt', async () => {
    const { orderId } = await packedOrder();
    await t.bus.publish(shipmentEvent(orderId, 'picked_up', new Date(), null, 'assigned'));
    await t.bus.publish(shipmentEvent(orderId, 'failed', new Date(), 'nobody home', 'picked_up'));
    expect(await orderOf(orderId)).toMatchObject({ status: 'shipped', shipment: { status: 'failed' } });
  });

  it('cancels an order returned to the warehouse: stock released and the payment refunded in full', async () => {
    const { orderId, paymentId, sku } = await packedOrder();
    await t.bus.publish(shipmentEvent(orderId, 'picked_up', new Date(), null, 'assigned'));
    await t.bus.publish(shipmentEvent(orderId, 'returned', new Date(), 'refused at the door', 'failed'));
    const order = await orderOf(orderId);
    expect(order).toMatchObject({ status: 'cancelled', shipment: { status: 'returned' } });
    expect(order.history.at(-1)).toMatchObject({ status: 'cancelled', note: 'returned to the warehouse: refused at the door' });
    await waitFor(() => fake.stock.get(sku)?.reserved === 0, 15_000, 'the release job');
    await waitFor(() => ['voided', 'refunded'].includes(fake.payments.get(paymentId)?.status ?? ''), 15_000, 'the refund');
  });
});
