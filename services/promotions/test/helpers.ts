import { promotionsClient } from '@bazar/contracts/clients/promotions';
import { ORDER_EVENTS, type OrderStatusName } from '@bazar/contracts/events/orders';
import { envelope } from '@bazar/kit/events/event';
import { newId } from '@bazar/kit/ids';
import type { TestService } from '@bazar/kit/testing';

export const rub = (amount: number) => ({ amount, currency: 'RUB' });

let codeCounter = 0;
/** A promo code no other test in the file uses. */
export const freshCode = (prefix = 'PROMO') => `${prefix}${++codeCounter}${newId().slice(-6).toUpperCase()}`;

/** The contract's typed client over the in-process transport (carries the internal token). */
export const client = (t: TestService) => promotionsClient(t.service.deps.clients.to('promotions'));

/** Raw internal call, for the status codes the typed client turns into errors. */
export const internal = (t: TestService, path: string, body?: unknown) =>
  t.service.deps.clients.to('promotions').call<Record<string, unknown>>({ method: 'POST', path, ...(body === undefined ? {} : { body }) });

/** A bearer header for a user with the given roles. */
export async function authAs(t: TestService, roles: ('customer' | 'manager' | 'admin' | 'operator')[], id = newId()) {
  return { id, headers: { authorization: `Bearer ${await t.tokens.issue({ id, roles })}` } };
}

/** Creates a promotion through the public API as a manager; fails the test on anything but 201. */
export async function createPromo(t: TestService, body: Record<string, unknown>) {
  const { headers } = await authAs(t, ['manager']);
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/promotions', headers, payload: { code: freshCode(), ...body } });
  if (res.statusCode !== 201) throw new Error(`create promotion: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; code: string; used: number };
}

/** Publishes `order.<status>.v1` the way orders does; resolves once promotions handled it. */
export async function publishOrder(
  t: TestService,
  status: OrderStatusName,
  order: { orderId: string; customerId: string; total?: { amount: number; currency: string }; exchangeRate?: string },
  eventId?: string,
) {
  const total = order.total ?? rub(100_000);
  const event = envelope(
    ORDER_EVENTS[status].make({
      orderId: order.orderId,
      number: 'B-000001',
      customerId: order.customerId,
      status,
      previousStatus: null,
      total,
      subtotal: total,
      discount: { amount: 0, currency: total.currency },
      shipping: { amount: 0, currency: total.currency },
      exchangeRate: order.exchangeRate ?? '1',
      paymentId: null,
      pointsUsed: 0,
      lines: [],
      delivery: { phone: '+79000000000', address: { city: 'Москва', street: 'Тверская', house: '1' } },
      actorId: null,
      note: null,
      at: new Date().toISOString(),
    }),
    'orders',
  );
  const sent = eventId ? { ...event, id: eventId } : event;
  await t.bus.publish(sent);
  return sent;
}

/** Gives a customer points by delivering an order worth `points` × 20 roubles (5% back at 1 RUB a point). */
export async function givePoints(t: TestService, customerId: string, points: number) {
  await publishOrder(t, 'delivered', { orderId: newId(), customerId, total: rub(points * 2_000) });
}
