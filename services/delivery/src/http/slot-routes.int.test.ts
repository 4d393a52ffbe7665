import { deliveryClient } from '@bazar/contracts/clients/delivery';
import { DomainError } from '@bazar/kit/errors';
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

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const setWindows = (city: string, windows: unknown[], headers = operator.headers) =>
  t.app.inject({ method: 'PUT', url: `/api/v1/delivery/slots/${encodeURIComponent(city)}`, headers, payload: { windows } });
const slotsOf = async (city: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/v1/delivery/slots?city=${encodeURIComponent(city)}&days=14` })).json().items as {
    date: string;
    windowId: string;
    left: number;
  }[];
const refusal = async (call: Promise<unknown>) => {
  try {
    await call;
  } catch (error) {
    if (error instanceof DomainError) return { status: error.status, code: error.code };
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('delivery windows', () => {
  it('an operator sets a city’s windows; anyone sees them with the places left; a bad set is a 400 that changes nothing', async () => {
    const res = await setWindows('Ярославль', [
      { id: 'evening', from: '18:00', to: '22:00', capacity: 5 },
      { id: 'morning', from: '09:00', to: '13:00', capacity: 3 },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const later = (await slotsOf('ярославль')).filter((s) => s.date === inDays(2));
    expect(later.map((s) => `${s.windowId}:${s.left}`)).toEqual(['morning:3', 'evening:5']);
    expect((await setWindows('Ярославль', [{ id: 'x', from: '12:00', to: '10:00', capacity: 1 }])).statusCode).toBe(400);
    expect((await setWindows('Ярославль', [{ id: 'x', from: '25:00', to: '26:00', capacity: 1 }])).statusCode).toBe(400);
    const customer = await authAs(t, ['customer']);
    expect((await setWindows('Ярославль', [], customer.headers)).statusCode).toBe(403);
    // Unchanged by the refused sets: two windows on each of 14 days, less today's that have begun.
    const all = await slotsOf('Ярославль');
    expect(all.length).toBeGreaterThanOrEqual(26);
    expect(all.length).toBeLessThanOrEqual(28);
    expect(await slotsOf('Нигде')).toEqual([]);
  });

  it('books a place once per booking id, refuses a full window with 409, gives the place back on release', async () => {
    await setWindows('Кострома', [{ id: 'day', from: '10:00', to: '16:00', capacity: 1 }]);
    const slots = deliveryClient(t.service.deps.clients.to('delivery'));
    const date = inDays(3);
    const bookingId = newId();
    const booked = await slots.book({ bookingId, city: 'Кострома', date, windowId: 'day' });
    expect(booked).toMatchObject({ bookingId, date, windowId: 'day', from: '10:00', to: '16:00' });
    expect(await slots.book({ bookingId, city: 'Кострома', date, windowId: 'day' })).toMatchObject({ bookingId });
    expect(await refusal(slots.book({ bookingId: newId(), city: 'Кострома', date, windowId: 'day' }))).toEqual({
      status: 409,
      code: 'delivery.slot_full',
    });
    expect(await refusal(slots.book({ bookingId: newId(), city: 'Кострома', date, windowId: 'night' }))).toMatchObject({ status: 422 });
    expect(await refusal(slots.book({ bookingId: newId(), city: 'Кострома', date: inDays(-1), windowId: 'day' }))).toMatchObject({
      status: 422,
      code: 'delivery.slot_past',
    });
    expect((await slotsOf('Кострома')).find((s) => s.date === date)?.left).toBe(0);
    expect(await slots.release(bookingId)).toEqual({ bookingId, status: 'released' });
    expect(await slots.release(newId())).toMatchObject({ status: 'not_found' });
    expect((await slotsOf('Кострома')).find((s) => s.date === date)?.left).toBe(1);
  });

  it('two checkouts racing for the last place: one gets it', async () => {
    await setWindows('Иваново', [{ id: 'day', from: '10:00', to: '16:00', capacity: 1 }]);
    const slots = deliveryClient(t.service.deps.clients.to('delivery'));
    const date = inDays(4);
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => slots.book({ bookingId: newId(), city: 'Иваново', date, windowId: 'day' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('plans the shipment of a packed order for the chosen day and window, shown on tracking', async () => {
    await aCourier(t, 'Рязань');
    const date = inDays(2);
    const slot = { date, windowId: 'evening', from: '18:00', to: '22:00', bookingId: newId() };
    const { orderId } = await publishOrder(t, 'packed', { city: 'Рязань', slot });
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/shipments?limit=100', headers: operator.headers });
    const shipment = (list.json().items as { orderId: string; deliveryDate: string; slot: unknown; trackingNumber: string }[]).find(
      (s) => s.orderId === orderId,
    );
    expect(shipment).toMatchObject({ deliveryDate: date, slot: { from: '18:00', to: '22:00' } });
    const tracking = await t.app.inject({ method: 'GET', url: `/api/v1/tracking/${shipment?.trackingNumber}` });
    expect(tracking.json()).toMatchObject({ deliveryDate: date, slot: { from: '18:00', to: '22:00' } });
  });
});
