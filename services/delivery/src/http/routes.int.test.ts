import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCourier, authAs, publishOrder } from '../../test/helpers.ts';
import delivery from '../index.ts';

let t: TestService;
let operator: Awaited<ReturnType<typeof authAs>>;
beforeAll(async () => {
  t = await startTestService(delivery);
  operator = await authAs(t, ['operator']);
});
afterAll(() => t?.close());

type ShipmentBody = {
  id: string;
  status: string;
  courierId: string | null;
  trackingNumber: string;
  eta: string | null;
  routePosition: number | null;
};

async function shipmentOf(orderId: string): Promise<ShipmentBody> {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/shipments?limit=100', headers: operator.headers });
  const found = (res.json().items as (ShipmentBody & { orderId: string })[]).find((s) => s.orderId === orderId);
  if (!found) throw new Error(`no shipment for ${orderId}`);
  return found;
}
const report = (id: string, headers: Record<string, string>, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: `/api/v1/shipments/${id}/events`, headers, payload });
/** The code texted to the customer at the latest pickup, as the `shipment.picked_up` event carries it. */
const codeOf = async (shipmentId: string) =>
  (await t.outbox())
    .filter((e) => e.type === 'shipment.picked_up' && (e.data as { shipmentId: string }).shipmentId === shipmentId)
    .map((e) => (e.data as { deliveryCode?: string }).deliveryCode)
    .at(-1) as string;
const eventsOf = async (shipmentId: string) =>
  (await t.outbox()).filter((e) => (e.data as { shipmentId: string }).shipmentId === shipmentId).map((e) => e.type);

describe('a packed order', () => {
  it('gets one shipment with an unguessable tracking number, waiting when no courier of its city is on duty', async () => {
    const { orderId, event } = await publishOrder(t, 'packed', { city: 'Тверь' });
    await t.bus.publish(event);
    await publishOrder(t, 'packed', { orderId, city: 'Тверь' });
    const shipment = await shipmentOf(orderId);
    expect(shipment).toMatchObject({ status: 'ready', courierId: null });
    expect(shipment.trackingNumber).toMatch(/^BZ[0-9A-Z]{16}$/);
    const rows = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM delivery.shipments WHERE order_id = $1', [orderId]);
    expect(Number(rows[0]?.n)).toBe(1);
    expect(await eventsOf(shipment.id)).toEqual(['shipment.ready']);
  });

  it('goes to the on-duty courier of its city with the fewest open shipments, with a route place and ETA', async () => {
    const busy = await aCourier(t, 'Казань');
    const idle = await aCourier(t, 'Казань');
    await aCourier(t, 'Казань', false);
    const first = await publishOrder(t, 'packed', { city: 'Казань', lat: 55.79, lon: 49.12 });
    const firstShipment = await shipmentOf(first.orderId);
    const second = await publishOrder(t, 'packed', { city: 'Казань', lat: 55.8, lon: 49.13 });
    const secondShipment = await shipmentOf(second.orderId);
    expect([firstShipment.courierId, secondShipment.courierId].sort()).toEqual([busy.id, idle.id].sort());
    expect(secondShipment).toMatchObject({ status: 'assigned', routePosition: 1 });
    expect(secondShipment.eta).not.toBeNull();
    expect(await eventsOf(secondShipment.id)).toEqual(['shipment.ready', 'shipment.assigned']);
  });
});

describe('POST /api/v1/shipments/{id}/assign', () => {
  it('lets an operator give a waiting shipment to an on-duty courier of its city', async () => {
    const { orderId } = await publishOrder(t, 'packed', { city: 'Омск' });
    const { id } = await shipmentOf(orderId);
    const courier = await aCourier(t, 'Омск');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/shipments/${id}/assign`,
      headers: operator.headers,
      payload: { courierId: courier.id },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'assigned', courierId: courier.id, routePosition: 1 });
  });

  it('refuses an off-duty courier (409), one of another city (422), an unknown one (404), a courier caller (403), no token (401)', async () => {
    const { orderId } = await publishOrder(t, 'packed', { city: 'Пермь' });
    const { id } = await shipmentOf(orderId);
    const offDuty = await aCourier(t, 'Пермь', false);
    const elsewhere = await aCourier(t, 'Уфа');
    const assign = (courierId: string, headers: Record<string, string> = operator.headers) =>
      t.app.inject({ method: 'POST', url: `/api/v1/shipments/${id}/assign`, headers, payload: { courierId } });
    expect((await assign(offDuty.id)).json()).toMatchObject({ status: 409, code: 'delivery.courier_off_duty' });
    expect((await assign(elsewhere.id)).statusCode).toBe(422);
    expect((await assign(newId())).statusCode).toBe(404);
    expect((await assign(offDuty.id, elsewhere.headers)).statusCode).toBe(403);
    expect((await assign(offDuty.id, {})).statusCode).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/shipments/${id}/assign`,
          headers: operator.headers,
          payload: { courierId: 'x' },
        })
      ).statusCode,
    ).toBe(400);
    expect((await shipmentOf(orderId)).status).toBe('ready');
  });
});

describe('POST /api/v1/shipments/{id}/events', () => {
  it('walks picked_up → in_transit → delivered; a retried report counts once', async () => {
    const courier = await aCourier(t, 'Самара');
    const { orderId } = await publishOrder(t, 'packed', { city: 'Самара' });
    const { id } = await shipmentOf(orderId);
    const pickedUp = { eventId: newId(), status: 'picked_up', lat: 53.2, lon: 50.1 };
    expect((await report(id, courier.headers, pickedUp)).json()).toMatchObject({ status: 'picked_up' });
    const again = await report(id, courier.headers, pickedUp);
    expect(again.statusCode).toBe(200);
    expect((await report(id, courier.headers, { eventId: newId(), status: 'in_transit' })).statusCode).toBe(200);
    const code = await codeOf(id);
    expect(code).toMatch(/^\d{4}$/);
    expect((await report(id, courier.headers, { status: 'delivered' })).json()).toMatchObject({
      status: 422,
      code: 'delivery.code_required',
    });
    const delivered = await report(id, courier.headers, { eventId: newId(), status: 'delivered', code });
    expect(delivered.json()).toMatchObject({ status: 'delivered', routePosition: null, eta: null });
    expect(await eventsOf(id)).toEqual([
      'shipment.ready',
      'shipment.assigned',
      'shipment.picked_up',
      'shipment.in_transit',
      'shipment.delivered',
    ]);
  });

  it('proof of delivery: a wrong code is refused and counted, five lock it, and an operator overrides with a reason', async () => {
    const courier = await aCourier(t, 'Вологда');
    const { orderId } = await publishOrder(t, 'packed', { city: 'Вологда' });
    const { id } = await shipmentOf(orderId);
    await report(id, courier.headers, { status: 'picked_up' });
    const code = await codeOf(id);
    const wrong = code === '0000' ? '1111' : '0000';
    for (let i = 0; i < 5; i++) {
      expect((await report(id, courier.headers, { status: 'delivered', code: wrong })).json()).toMatchObject({
        status: 422,
        code: 'delivery.code_wrong',
      });
    }
    // Locked: even the right code no longer works for the courier.
    expect((await report(id, courier.headers, { status: 'delivered', code })).json()).toMatchObject({
      status: 409,
      code: 'delivery.code_locked',
    });
    expect((await shipmentOf(orderId)).status).toBe('picked_up');
    expect((await report(id, operator.headers, { status: 'delivered' })).json()).toMatchObject({
      status: 422,
      code: 'delivery.override_reason_required',
    });
    const overridden = await report(id, operator.headers, { status: 'delivered', note: 'Клиент подтвердил по телефону' });
    expect(overridden.json()).toMatchObject({ status: 'delivered' });
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/shipments/${id}`, headers: operator.headers });
    expect(detail.json().events.at(-1)).toMatchObject({ status: 'delivered', note: 'Клиент подтвердил по телефону', actorId: operator.id });
  });

  it('refuses another courier (403), a skipped step (409), a failure without reason (422) and bad input (400), changing nothing', async () => {
    const courier = await aCourier(t, 'Тула');
    const other = await aCourier(t, 'Тула');
    const a = await publishOrder(t, 'packed', { city: 'Тула' });
    const shipment = await shipmentOf(a.orderId);
    const mine = shipment.courierId === courier.id ? courier : other;
    const theirs = mine === courier ? other : courier;
    expect((await report(shipment.id, theirs.headers, { status: 'picked_up' })).json()).toMatchObject({
      status: 403,
      code: 'delivery.not_your_shipment',
    });
    expect((await report(shipment.id, mine.headers, { status: 'delivered' })).json()).toMatchObject({
      status: 409,
      code: 'delivery.illegal_transition',
    });
    expect((await report(shipment.id, mine.headers, { status: 'lost' })).statusCode).toBe(400);
    await report(shipment.id, mine.headers, { status: 'picked_up' });
    expect((await report(shipment.id, mine.headers, { status: 'failed', note: '  ' })).json()).toMatchObject({ status: 422 });
    expect((await shipmentOf(a.orderId)).status).toBe('picked_up');
  });

  it('after a failure lets an operator retry with a courier on another day, or return it to the warehouse', async () => {
    const courier = await aCourier(t, 'Сочи');
    const retried = await publishOrder(t, 'packed', { city: 'Сочи' });
    const returned = await publishOrder(t, 'packed', { city: 'Сочи' });
    for (const { orderId } of [retried, returned]) {
      const { id } = await shipmentOf(orderId);
      await report(id, courier.headers, { status: 'picked_up' });
      expect((await report(id, courier.headers, { status: 'failed', note: 'никого нет дома' })).json()).toMatchObject({
        status: 'failed',
        failures: 1,
      });
    }
    const again = await shipmentOf(retried.orderId);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/shipments/${again.id}/assign`,
      headers: operator.headers,
      payload: { courierId: courier.id, deliveryDate: '2030-01-15' },
    });
    // Leaves at 07:00 UTC; an address without coordinates is an assumed 3 km leg at 25 km/h: 7.2 minutes.
    expect(res.json()).toMatchObject({ status: 'assigned', deliveryDate: '2030-01-15', eta: '2030-01-15T07:07:12.000Z' });
    const back = await shipmentOf(returned.orderId);
    const returnedRes = await t.app.inject({
      method: 'POST',
      url: `/api/v1/shipments/${back.id}/return`,
      headers: operator.headers,
      payload: {},
    });
    expect(returnedRes.json()).toMatchObject({ status: 'returned' });
    expect((await eventsOf(back.id)).at(-1)).toBe('shipment.returned');
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/shipments/${again.id}/return`, headers: operator.headers, payload: {} }))
        .statusCode,
    ).toBe(409);
  });
});

describe('a delivery that cannot succeed', () => {
  it('goes back to the warehouse at once when the customer refuses it, and a retried refusal counts once', async () => {
    const courier = await aCourier(t, 'Псков');
    const { orderId } = await publishOrder(t, 'packed', { city: 'Псков' });
    const { id } = await shipmentOf(orderId);
    await report(id, courier.headers, { status: 'picked_up' });
    expect((await report(id, courier.headers, { status: 'delivered', refused: true, code: await codeOf(id) })).json()).toMatchObject({
      status: 422,
      code: 'delivery.refused_needs_failed',
    });
    const refusal = { eventId: newId(), status: 'failed', note: 'отказ от посылки', refused: true };
    const first = await report(id, courier.headers, refusal);
    expect(first.json()).toMatchObject({ status: 'returned', failures: 1 });
    expect((await report(id, courier.headers, refusal)).json()).toMatchObject({ status: 'returned', failures: 1 });
    expect(await eventsOf(id)).toEqual([
      'shipment.ready',
      'shipment.assigned',
      'shipment.picked_up',
      'shipment.failed',
      'shipment.returned',
    ]);
  });

  it('goes back by itself when the last allowed attempt fails (DELIVERY_MAX_ATTEMPTS, 3 by default)', async () => {
    const courier = await aCourier(t, 'Кострома');
    const { orderId } = await publishOrder(t, 'packed', { city: 'Кострома' });
    const { id } = await shipmentOf(orderId);
    for (const attempt of [1, 2, 3]) {
      if (attempt > 1) {
        const res = await t.app.inject({
          method: 'POST',
          url: `/api/v1/shipments/${id}/assign`,
          headers: operator.headers,
          payload: { courierId: courier.id },
        });
        expect(res.json()).toMatchObject({ status: 'assigned' });
      }
      await report(id, courier.headers, { status: 'picked_up' });
      const failed = (await report(id, courier.headers, { status: 'failed', note: 'никого нет дома' })).json();
      expect(failed).toMatchObject({ status: attempt < 3 ? 'failed' : 'returned', failures: attempt });
    }
    expect((await eventsOf(id)).filter((e) => e === 'shipment.returned')).toHaveLength(1);
  });
});

describe('GET /api/v1/tracking/{trackingNumber}', () => {
  it('shows status, steps and ETA to anyone, without name, phone, address or courier', async () => {
    await aCourier(t, 'Томск');
    const { orderId } = await publishOrder(t, 'packed', { city: 'Томск', phone: '+79998887766', lat: 56.48, lon: 84.95 });
    const shipment = await shipmentOf(orderId);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/tracking/${shipment.trackingNumber}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      trackingNumber: shipment.trackingNumber,
      status: 'assigned',
      events: [{ status: 'ready' }, { status: 'assigned' }],
    });
    expect(body.eta).toEqual(shipment.eta);
    expect(Object.keys(body).sort()).toEqual(['deliveryDate', 'eta', 'events', 'slot', 'status', 'trackingNumber']);
    for (const secret of ['+79998887766', 'Тверская', 'Томск', '84.95', shipment.courierId as string, orderId])
      expect(res.body).not.toContain(secret);
  });

  it('answers 404 for an unknown or malformed number', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/tracking/BZ0000000000000000' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/tracking/nope' })).statusCode).toBe(404);
  });
});

describe('couriers and routes', () => {
  it("orders a courier's day from the warehouse, and a courier starts and ends their own shift only", async () => {
    const courier = await aCourier(t, 'Москва');
    const others = await aCourier(t, 'Москва');
    const far = await publishOrder(t, 'packed', { city: 'Москва', lat: 55.9, lon: 37.54 });
    const near = await publishOrder(t, 'packed', { city: 'Москва', lat: 55.81, lon: 37.54 });
    for (const { orderId } of [far, near]) {
      const { id } = await shipmentOf(orderId);
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/shipments/${id}/assign`,
        headers: operator.headers,
        payload: { courierId: courier.id },
      });
    }
    const route = await t.app.inject({ method: 'GET', url: '/api/v1/couriers/me/route', headers: courier.headers });
    expect(route.statusCode, route.body).toBe(200);
    const stops = route.json().stops as { orderId: string; routePosition: number; eta: string }[];
    expect(stops.map((s) => s.orderId)).toEqual([near.orderId, far.orderId]);
    expect(stops.map((s) => s.routePosition)).toEqual([1, 2]);
    expect(Date.parse(stops[0]?.eta ?? '')).toBeLessThan(Date.parse(stops[1]?.eta ?? ''));
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/couriers/${courier.id}/route`, headers: others.headers })).statusCode).toBe(
      403,
    );
    const off = await t.app.inject({ method: 'PATCH', url: '/api/v1/couriers/me', headers: courier.headers, payload: { onDuty: false } });
    expect(off.json()).toMatchObject({ onDuty: false });
    expect(
      (await t.app.inject({ method: 'PATCH', url: '/api/v1/couriers/me', headers: courier.headers, payload: { city: 'Сочи' } })).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'PATCH', url: `/api/v1/couriers/${others.id}`, headers: courier.headers, payload: { onDuty: false } }))
        .statusCode,
    ).toBe(403);
  });

  it('shows a courier only their own shipments and cancels one that has not left when its order is cancelled', async () => {
    const courier = await aCourier(t, 'Курск');
    const { orderId } = await publishOrder(t, 'packed', { city: 'Курск' });
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/shipments?courierId=${newId()}`, headers: courier.headers });
    expect((list.json().items as { orderId: string; courierId: string }[]).every((s) => s.courierId === courier.id)).toBe(true);
    expect(list.json().items.map((s: { orderId: string }) => s.orderId)).toContain(orderId);
    await publishOrder(t, 'cancelled', { orderId, city: 'Курск' });
    expect((await shipmentOf(orderId)).status).toBe('cancelled');
  });
});
