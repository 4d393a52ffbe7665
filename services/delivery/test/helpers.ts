import { UserRegistered } from '@bazar/contracts/events/identity';
import { ORDER_EVENTS, type OrderStatusName } from '@bazar/contracts/events/orders';
import { envelope } from '@bazar/kit/events/event';
import type { Role } from '@bazar/kit/http/auth';
import { newId } from '@bazar/kit/ids';
import type { TestService } from '@bazar/kit/testing';

export const rub = (amount: number) => ({ amount, currency: 'RUB' });

/** A bearer header for a user with the given roles. */
export async function authAs(t: TestService, roles: Role[], id = newId()) {
  return { id, headers: { authorization: `Bearer ${await t.tokens.issue({ id, roles })}` } };
}

export interface OrderFixture {
  orderId?: string;
  customerId?: string;
  city?: string;
  lat?: number;
  lon?: number;
  phone?: string;
  slot?: { date: string; windowId: string; from: string; to: string; bookingId: string };
}

/** Publishes `order.<status>.v1` the way orders does; resolves once delivery handled it. */
export async function publishOrder(t: TestService, status: OrderStatusName, order: OrderFixture = {}, eventId?: string) {
  const orderId = order.orderId ?? newId();
  const event = envelope(
    ORDER_EVENTS[status].make({
      orderId,
      number: `B-${orderId.slice(-6)}`,
      customerId: order.customerId ?? newId(),
      status,
      previousStatus: null,
      total: rub(100_000),
      subtotal: rub(100_000),
      discount: rub(0),
      shipping: rub(0),
      exchangeRate: '1',
      paymentId: null,
      pointsUsed: 0,
      lines: [],
      delivery: {
        phone: order.phone ?? '+79001234567',
        address: {
          city: order.city ?? 'Москва',
          street: 'Тверская',
          house: '7',
          apartment: '12',
          ...(order.lat !== undefined && order.lon !== undefined ? { lat: order.lat, lon: order.lon } : {}),
        },
        ...(order.slot ? { slot: order.slot } : {}),
      },
      actorId: null,
      note: null,
      at: new Date().toISOString(),
    }),
    'orders',
  );
  const sent = eventId ? { ...event, id: eventId } : event;
  await t.bus.publish(sent);
  return { orderId, event: sent };
}

/** A courier known from identity's event, put in a city and on duty by an operator. */
export async function aCourier(t: TestService, city = 'Москва', onDuty = true) {
  const id = newId();
  await t.bus.publish(
    envelope(
      UserRegistered.make({
        userId: id,
        email: `${id}@courier.test`,
        name: 'Курьер',
        phone: null,
        roles: ['courier'],
        registeredAt: new Date().toISOString(),
      }),
      'identity',
    ),
  );
  const operator = await authAs(t, ['operator']);
  const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/couriers/${id}`, headers: operator.headers, payload: { city, onDuty } });
  if (res.statusCode !== 200) throw new Error(`courier: ${res.statusCode} ${res.body}`);
  return { id, headers: (await authAs(t, ['courier'], id)).headers };
}
