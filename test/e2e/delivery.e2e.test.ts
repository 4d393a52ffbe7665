import cart from '@bazar/cart';
import catalog from '@bazar/catalog';
import delivery from '@bazar/delivery';
import identity from '@bazar/identity';
import inventory from '@bazar/inventory';
import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService, waitFor } from '@bazar/kit/testing';
import notifications from '@bazar/notifications';
import orders from '@bazar/orders';
import type { OrdersContext } from '@bazar/orders/app/context';
import { moveOrder } from '@bazar/orders/app/move-order';
import { findOrder } from '@bazar/orders/db/order-repo';
import payments from '@bazar/payments';
import promotions from '@bazar/promotions';
import rates from '@bazar/rates';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmsGateway } from '../fakes/sms-gateway.ts';
import { startSmtpSink } from '../fakes/smtp-sink.ts';
import { client } from './support/shop.ts';

let t: TestService;
let shop: ReturnType<typeof client>;
let sms: Awaited<ReturnType<typeof startSmsGateway>>;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let manager: string;
let operator: string;

beforeAll(async () => {
  sms = await startSmsGateway();
  smtp = await startSmtpSink();
  t = await startTestService([identity, catalog, rates, inventory, promotions, payments, cart, orders, delivery, notifications], {
    env: { SMS_GATEWAY_URL: sms.url, SMTP_URL: smtp.url, NOTIFY_PUBLIC_URL: 'https://shop.example' },
  });
  shop = client(t);
  manager = await t.tokens.issue({ roles: ['manager'] });
  operator = await t.tokens.issue({ roles: ['operator'] });
});
afterAll(async () => {
  await t?.close();
  await sms?.close();
  await smtp?.close();
});

/** Someone who signs up through identity; answers their id and access token. */
async function signUp(name: string, phone: string | null = null) {
  const email = `${newId().slice(-10)}@example.test`;
  const res = await shop.call('POST', '/api/v1/auth/register', undefined, { email, password: 'correct horse battery', name, phone });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.user.id as string, email, token: res.body.accessToken as string };
}

/** What fulfilment does between `paid` and `packed`, through orders' own use case (picking is another service's). */
async function pack(orderId: string) {
  const host = t.services.find((s) => s.definition.name === 'orders');
  const ctx = { deps: host?.deps } as OrdersContext;
  for (const to of ['picking', 'packed'] as const) {
    await ctx.deps.uow(async (txc) => {
      const order = await findOrder(txc.tx, orderId, true);
      if (!order) throw new Error('no order');
      await moveOrder(ctx, txc, order, to, { actorId: null });
    });
  }
}

describe('from packed to the doorstep', () => {
  it('ships and delivers an order by a courier, tracks it without personal data, and tells the customer by SMS and e-mail', async () => {
    // A courier: signs up, a manager gives the role, an operator puts them in Kazan on duty.
    const courier = await signUp('Ксения Курьерова');
    expect((await shop.call('PUT', `/api/v1/users/${courier.id}/roles`, manager, { roles: ['customer', 'courier'] })).status).toBe(200);
    await t.drainOutboxes();
    const login = await shop.call('POST', '/api/v1/auth/login', undefined, { email: courier.email, password: 'correct horse battery' });
    const courierToken = login.body.accessToken as string;
    const shift = await shop.call('PATCH', `/api/v1/couriers/${courier.id}`, operator, { city: 'Kazan', onDuty: true });
    expect(shift.status, JSON.stringify(shift.body)).toBe(200);

    // A customer buys and pays.
    const anna = await signUp('Анна Покупателева');
    const { variantId } = await shop.product(manager, 129_900, 5);
    const cartId = await shop.cartWith(anna.token, variantId, 1);
    const placed = await shop.call('POST', '/api/v1/checkout', anna.token, shop.checkoutBody(cartId, 'tok_success'), {
      'idempotency-key': newId(),
    });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    const orderId = placed.body.order.id as string;
    await pack(orderId);
    await t.drainOutboxes();

    // Delivery opened a shipment and gave it to the only courier on duty in Kazan.
    const route = await shop.call('GET', '/api/v1/couriers/me/route', courierToken);
    expect(route.status).toBe(200);
    const stop = (route.body.stops as { id: string; orderId: string; trackingNumber: string; phone: string; eta: string }[]).find(
      (s) => s.orderId === orderId,
    );
    expect(stop).toMatchObject({ phone: '+7 900 000-00-00' });
    expect(stop?.eta).toBeTruthy();
    const shipmentId = stop?.id as string;
    const trackingNumber = stop?.trackingNumber as string;
    expect((await shop.call('GET', `/api/v1/orders/${orderId}`, anna.token)).body).toMatchObject({
      status: 'packed',
      shipment: { id: shipmentId, status: 'assigned', trackingNumber },
    });

    // Pickup ships the order; a retried report counts once; delivery delivers it.
    const pickup = { eventId: newId(), status: 'picked_up' };
    expect((await shop.call('POST', `/api/v1/shipments/${shipmentId}/events`, courierToken, pickup)).status).toBe(200);
    expect((await shop.call('POST', `/api/v1/shipments/${shipmentId}/events`, courierToken, pickup)).status).toBe(200);
    await t.drainOutboxes();
    expect((await shop.call('GET', `/api/v1/orders/${orderId}`, anna.token)).body.status).toBe('shipped');
    const stranger = await t.tokens.issue({ roles: ['courier'] });
    expect((await shop.call('POST', `/api/v1/shipments/${shipmentId}/events`, stranger, { status: 'delivered' })).status).toBe(403);
    // Proof of delivery: the customer got a code with the pickup SMS and tells the courier at the door.
    await waitFor(() => sms.received.some((m) => m.to === '79000000000' && m.msg.includes('передан курьеру')), 20_000, 'the pickup SMS');
    const code = /Код для курьера: (\d{4})/.exec(sms.received.find((m) => m.msg.includes('передан курьеру'))?.msg ?? '')?.[1];
    expect(code).toMatch(/^\d{4}$/);
    expect((await shop.call('POST', `/api/v1/shipments/${shipmentId}/events`, courierToken, { status: 'delivered' })).status).toBe(422);
    expect((await shop.call('POST', `/api/v1/shipments/${shipmentId}/events`, courierToken, { status: 'delivered', code })).status).toBe(
      200,
    );
    await t.drainOutboxes();
    const delivered = (await shop.call('GET', `/api/v1/orders/${orderId}`, anna.token)).body;
    expect(delivered).toMatchObject({ status: 'delivered', shipment: { status: 'delivered' } });
    expect(delivered.history.map((h: { status: string }) => h.status)).toEqual([
      'awaiting_payment',
      'paid',
      'picking',
      'packed',
      'shipped',
      'delivered',
    ]);

    // Anyone may track it, and learns nothing about who or where.
    const tracking = await shop.call('GET', `/api/v1/tracking/${trackingNumber}`);
    expect(tracking.body).toMatchObject({ status: 'delivered' });
    expect(tracking.body.events.map((e: { status: string }) => e.status)).toEqual(['ready', 'assigned', 'picked_up', 'delivered']);
    const text = JSON.stringify(tracking.body);
    for (const secret of ['Анна', '900 000', 'Baumana', 'Kazan', courier.id, anna.id, orderId]) expect(text).not.toContain(secret);

    // The customer heard about it: SMS at the gateway, e-mails at the SMTP server, each once.
    const phone = '79000000000';
    await waitFor(() => sms.received.filter((m) => m.to === phone).length >= 3, 20_000, 'three SMS');
    const texts = sms.received.filter((m) => m.to === phone).map((m) => m.msg);
    expect(texts.filter((m) => m.includes('передан курьеру'))).toHaveLength(1);
    expect(texts.find((m) => m.includes('передан курьеру'))).toContain(`https://shop.example/track/${trackingNumber}`);
    expect(texts.filter((m) => m.includes('оплачен'))).toHaveLength(1);
    expect(texts.filter((m) => m.includes('доставлен'))).toHaveLength(1);
    await waitFor(() => smtp.received.filter((m) => m.to.includes(anna.email)).length >= 4, 20_000, 'four e-mails');
    expect(smtp.received.filter((m) => m.to.includes(anna.email))).toHaveLength(4);
    const inbox = await shop.call('GET', '/api/v1/notifications?limit=100', anna.token);
    expect(inbox.body.items.map((m: { event: string; channel: string }) => `${m.event}/${m.channel}`).sort()).toEqual(
      [
        'order.delivered/email',
        'order.delivered/sms',
        'order.paid/email',
        'order.paid/sms',
        'shipment.picked_up/email',
        'shipment.picked_up/sms',
        'welcome/email',
      ].sort(),
    );
  });

  it('books the delivery window chosen at checkout; a full window refuses the next checkout with 409 and keeps nothing', async () => {
    const windows = [{ id: 'evening', from: '18:00', to: '22:00', capacity: 1 }];
    expect((await shop.call('PUT', '/api/v1/delivery/slots/Kazan', operator, { windows })).status).toBe(200);
    const offered = (await shop.call('GET', '/api/v1/delivery/slots?city=Kazan&days=3')).body.items as { date: string; left: number }[];
    const date = (offered.at(-1) as { date: string }).date;
    const { variantId, sku } = await shop.product(manager, 50_000, 5);
    const first = await signUp('Первая');
    const placed = await shop.call(
      'POST',
      '/api/v1/checkout',
      first.token,
      shop.checkoutBody(await shop.cartWith(first.token, variantId, 1), 'tok_success', { deliverySlot: { date, windowId: 'evening' } }),
      { 'idempotency-key': newId() },
    );
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect(placed.body.order.deliverySlot).toEqual({ date, from: '18:00', to: '22:00' });
    const before = await shop.stock(manager, sku);
    const second = await signUp('Вторая');
    const refused = await shop.call(
      'POST',
      '/api/v1/checkout',
      second.token,
      shop.checkoutBody(await shop.cartWith(second.token, variantId, 1), 'tok_success', { deliverySlot: { date, windowId: 'evening' } }),
      { 'idempotency-key': newId() },
    );
    expect(refused.body).toMatchObject({ status: 409, code: 'delivery.slot_full' });
    expect(await shop.stock(manager, sku)).toEqual(before);
    const left = (await shop.call('GET', '/api/v1/delivery/slots?city=Kazan&days=3')).body.items as { date: string; left: number }[];
    expect(left.find((s) => s.date === date)?.left).toBe(0);

    // Packed, it is planned for the chosen day and window.
    const orderId = placed.body.order.id as string;
    await pack(orderId);
    await t.drainOutboxes();
    const shipments = await shop.call('GET', '/api/v1/shipments?limit=100', operator);
    expect((shipments.body.items as { orderId: string }[]).find((x) => x.orderId === orderId)).toMatchObject({
      deliveryDate: date,
      slot: { from: '18:00', to: '22:00' },
    });
  });
});
