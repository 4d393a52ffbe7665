import cart from '@bazar/cart';
import catalog from '@bazar/catalog';
import delivery from '@bazar/delivery';
import fulfilment from '@bazar/fulfilment';
import identity from '@bazar/identity';
import inventory from '@bazar/inventory';
import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService, waitFor } from '@bazar/kit/testing';
import notifications from '@bazar/notifications';
import orders from '@bazar/orders';
import payments from '@bazar/payments';
import promotions from '@bazar/promotions';
import rates from '@bazar/rates';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmsGateway } from '../fakes/sms-gateway.ts';
import { client } from './support/shop.ts';

/**
 * Every staff role against one customer's order on its way to the door and back: who reads which
 * of her personal data (phone, address, e-mail, messages, returns) through orders, shipments,
 * picking tasks, users, notifications and returns.
 */
let t: TestService;
let shop: ReturnType<typeof client>;
let sms: Awaited<ReturnType<typeof startSmsGateway>>;

const unique = newId().replace(/\D/g, '').slice(-7).padStart(7, '1');
const customer = { phone: `+7 917 ${unique}`, phoneDigits: `7917${unique}`, street: `Lobachevskogo-${unique}` };
type Reader = 'operator' | 'manager' | 'admin' | 'picker' | 'purchaser' | 'controller' | 'courier' | 'other courier' | 'other customer';
const READERS: Reader[] = [
  'operator',
  'manager',
  'admin',
  'picker',
  'purchaser',
  'controller',
  'courier',
  'other courier',
  'other customer',
];
const tokens = {} as Record<Reader, string>;
let anna: { id: string; email: string; token: string };
let orderId: string;
let shipmentId: string;
let returnId: string;

/** Whether a body shows anything of the customer's phone, address or e-mail. */
const revealsCustomer = (body: unknown) => {
  const text = JSON.stringify(body);
  return [customer.phone, customer.phoneDigits, customer.street, anna.email].some((secret) => text.includes(secret));
};

async function signUp(name: string, phone: string | null = null) {
  const email = `${newId().slice(-10)}@example.test`;
  const res = await shop.call('POST', '/api/v1/auth/register', undefined, { email, password: 'correct horse battery', name, phone });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.user.id as string, email, token: res.body.accessToken as string };
}

beforeAll(async () => {
  sms = await startSmsGateway();
  t = await startTestService(
    [identity, catalog, rates, inventory, promotions, payments, cart, orders, fulfilment, delivery, notifications],
    {
      env: { SMS_GATEWAY_URL: sms.url, NOTIFY_PUBLIC_URL: 'https://shop.example' },
    },
  );
  shop = client(t);
  for (const role of ['operator', 'manager', 'admin', 'picker', 'purchaser', 'controller'] as const) {
    tokens[role] = await t.tokens.issue({ id: newId(), roles: [role] });
  }
  // Two couriers on duty: the one in Kazan gets the shipment, the one in Samara does not.
  for (const [reader, city] of [
    ['courier', 'Kazan'],
    ['other courier', 'Samara'],
  ] as const) {
    const { id } = await signUp(reader === 'courier' ? 'Ксения Курьерова' : 'Семён Самарский');
    expect((await shop.call('PUT', `/api/v1/users/${id}/roles`, tokens.manager, { roles: ['customer', 'courier'] })).status).toBe(200);
    await t.drainOutboxes();
    tokens[reader] = await t.tokens.issue({ id, roles: ['customer', 'courier'] });
    const shift = await shop.call('PATCH', `/api/v1/couriers/${id}`, tokens.operator, { city, onDuty: true });
    expect(shift.status, JSON.stringify(shift.body)).toBe(200);
  }
  tokens['other customer'] = (await signUp('Борис Другой')).token;

  // Anna buys, a picker picks, the Kazan courier delivers, and she sends one unit back.
  anna = await signUp('Анна Личная', customer.phone);
  const { variantId } = await shop.product(tokens.manager, 49_900, 5);
  const cartId = await shop.cartWith(anna.token, variantId, 2);
  const placed = await shop.call(
    'POST',
    '/api/v1/checkout',
    anna.token,
    shop.checkoutBody(cartId, 'tok_success', {
      phone: customer.phone,
      shippingAddress: { city: 'Kazan', street: customer.street, house: '7' },
    }),
    { 'idempotency-key': newId() },
  );
  expect(placed.status, JSON.stringify(placed.body)).toBe(201);
  orderId = placed.body.order.id;
  await t.drainOutboxes();
  let task: { id: string; lines: { sku: string; quantity: number }[] } | undefined;
  await waitFor(
    async () => {
      task = (await shop.call('GET', `/api/v1/picking/tasks?orderId=${orderId}`, tokens.picker)).body.items[0];
      return task !== undefined;
    },
    10_000,
    'the picking task',
  );
  if (!task) throw new Error('no picking task');
  expect((await shop.call('POST', `/api/v1/picking/tasks/${task.id}/claim`, tokens.picker)).status).toBe(200);
  for (const line of task.lines) {
    expect(
      (await shop.call('POST', `/api/v1/picking/tasks/${task.id}/scan`, tokens.picker, { code: line.sku, quantity: line.quantity })).status,
    ).toBe(200);
  }
  expect((await shop.call('POST', `/api/v1/picking/tasks/${task.id}/complete`, tokens.picker)).status).toBe(200);
  await t.drainOutboxes();
  await waitFor(
    async () =>
      (await shop.call('GET', '/api/v1/couriers/me/route', tokens.courier)).body.stops?.some(
        (s: { orderId: string }) => s.orderId === orderId,
      ),
    10_000,
    'the shipment on the courier route',
  );
  const route = await shop.call('GET', '/api/v1/couriers/me/route', tokens.courier);
  shipmentId = route.body.stops.find((s: { orderId: string }) => s.orderId === orderId).id;
  expect((await shop.call('POST', `/api/v1/shipments/${shipmentId}/events`, tokens.courier, { status: 'picked_up' })).status).toBe(200);
  await t.drainOutboxes();
  await waitFor(() => sms.received.some((m) => m.to === customer.phoneDigits && /Код для курьера: \d{4}/.test(m.msg)), 20_000, 'the code');
  const code = /Код для курьера: (\d{4})/.exec(
    sms.received.find((m) => m.to === customer.phoneDigits && m.msg.includes('Код'))?.msg ?? '',
  )?.[1];
  expect((await shop.call('POST', `/api/v1/shipments/${shipmentId}/events`, tokens.courier, { status: 'delivered', code })).status).toBe(
    200,
  );
  await t.drainOutboxes();
  const asked = await shop.call('POST', `/api/v1/orders/${orderId}/returns`, anna.token, {
    items: [{ variantId, quantity: 1 }],
    reason: 'too big',
  });
  expect(asked.status, JSON.stringify(asked.body)).toBe(201);
  returnId = asked.body.id;
  await t.drainOutboxes();
}, 120_000);
afterAll(async () => {
  await t?.close();
  await sms?.close();
});

/** What each reader may see. `contacts`: phone and address on orders; lists: whether her record is in it. */
const MAY: Record<
  Reader,
  {
    orderContacts: boolean;
    readsOrder: boolean;
    shipments: 'all' | 'own' | 'none';
    tasks: boolean;
    users: boolean;
    messages: boolean;
    returns: boolean;
  }
> = {
  operator: { readsOrder: true, orderContacts: true, shipments: 'all', tasks: true, users: true, messages: true, returns: true },
  manager: { readsOrder: true, orderContacts: true, shipments: 'all', tasks: false, users: true, messages: false, returns: true },
  admin: { readsOrder: true, orderContacts: true, shipments: 'all', tasks: true, users: true, messages: true, returns: true },
  picker: { readsOrder: true, orderContacts: false, shipments: 'none', tasks: true, users: false, messages: false, returns: false },
  purchaser: { readsOrder: true, orderContacts: false, shipments: 'none', tasks: false, users: false, messages: false, returns: false },
  controller: { readsOrder: true, orderContacts: false, shipments: 'none', tasks: true, users: false, messages: false, returns: false },
  courier: { readsOrder: true, orderContacts: false, shipments: 'own', tasks: false, users: false, messages: false, returns: false },
  'other courier': {
    readsOrder: true,
    orderContacts: false,
    shipments: 'own',
    tasks: false,
    users: false,
    messages: false,
    returns: false,
  },
  'other customer': {
    readsOrder: false,
    orderContacts: false,
    shipments: 'none',
    tasks: false,
    users: false,
    messages: false,
    returns: false,
  },
};

describe.each(READERS)('what the %s reads of a customer', (reader) => {
  const may = MAY[reader];

  it(`orders: ${may.readsOrder ? (may.orderContacts ? 'with phone and address' : 'without phone or address') : 'not hers'}`, async () => {
    const one = await shop.call('GET', `/api/v1/orders/${orderId}`, tokens[reader]);
    const list = await shop.call('GET', '/api/v1/orders?limit=100', tokens[reader]);
    // A phone search must not find her for those who may not see phones.
    const search = await shop.call('GET', `/api/v1/orders?q=${customer.phoneDigits.slice(-7)}&limit=100`, tokens[reader]);
    const found = (body: { items?: { id: string }[] }) => body.items?.some((o) => o.id === orderId) ?? false;
    if (!may.readsOrder) {
      expect(one.status).toBe(403);
      expect(found(list.body)).toBe(false);
      expect(found(search.body)).toBe(false);
      return;
    }
    expect(one.status).toBe(200);
    expect(found(list.body)).toBe(true);
    expect(found(search.body)).toBe(may.orderContacts);
    if (may.orderContacts) {
      expect(one.body).toMatchObject({ phone: customer.phone, shippingAddress: { street: customer.street } });
    } else {
      expect(one.body).toMatchObject({ phone: null, shippingAddress: null, items: [expect.objectContaining({ quantity: 2 })] });
      expect(revealsCustomer(one.body)).toBe(false);
      expect(revealsCustomer(list.body)).toBe(false);
    }
  });

  it(`shipments: ${may.shipments}`, async () => {
    const list = await shop.call('GET', '/api/v1/shipments?limit=100', tokens[reader]);
    const one = await shop.call('GET', `/api/v1/shipments/${shipmentId}`, tokens[reader]);
    if (may.shipments === 'none') {
      expect([list.status, one.status]).toEqual([403, 403]);
      return;
    }
    const mine = may.shipments === 'all' || reader === 'courier';
    expect(list.status).toBe(200);
    expect(one.status).toBe(mine ? 200 : 403);
    expect(list.body.items.some((s: { id: string }) => s.id === shipmentId)).toBe(mine);
    if (mine) expect(one.body).toMatchObject({ phone: customer.phone, address: { street: customer.street } });
    else expect(revealsCustomer([list.body, one.body])).toBe(false);
    const route = await shop.call('GET', '/api/v1/couriers/me/route', tokens[reader]);
    if (reader === 'other courier') expect(revealsCustomer(route.body)).toBe(false);
  });

  it(`picking tasks: ${may.tasks ? 'the items, never the customer' : 'refused'}`, async () => {
    const list = await shop.call('GET', `/api/v1/picking/tasks?orderId=${orderId}`, tokens[reader]);
    expect(list.status).toBe(may.tasks ? 200 : 403);
    if (may.tasks) expect(list.body.items).toHaveLength(1);
    expect(revealsCustomer(list.body)).toBe(false);
  });

  it(`users and the staff directory: ${may.users ? 'her account' : 'refused'}`, async () => {
    const users = await shop.call('GET', `/api/v1/users?q=${encodeURIComponent(anna.email)}`, tokens[reader]);
    expect(users.status).toBe(may.users ? 200 : 403);
    if (may.users) expect(users.body.items).toEqual([expect.objectContaining({ id: anna.id, email: anna.email, phone: customer.phone })]);
    else expect(revealsCustomer(users.body)).toBe(false);
    const staff = await shop.call('GET', '/api/v1/staff?limit=100', tokens[reader]);
    expect(revealsCustomer(staff.body)).toBe(false);
  });

  it(`notifications: ${may.messages ? 'every message with its recipient' : 'only their own'}`, async () => {
    const messages = await shop.call('GET', '/api/v1/notifications/messages?limit=100', tokens[reader]);
    expect(messages.status).toBe(may.messages ? 200 : 403);
    if (may.messages) expect(revealsCustomer(messages.body)).toBe(true);
    const own = await shop.call('GET', '/api/v1/notifications?limit=100', tokens[reader]);
    expect(own.status).toBe(200);
    expect(revealsCustomer(own.body)).toBe(false);
  });

  it(`returns: ${may.returns ? 'hers among all' : 'only their own'}`, async () => {
    const list = await shop.call('GET', '/api/v1/returns?limit=100', tokens[reader]);
    expect(list.status).toBe(200);
    expect(list.body.items.some((r: { id: string }) => r.id === returnId)).toBe(may.returns);
  });
});

describe('the customer herself', () => {
  it('reads her order, its shipment status and her messages with her own phone and address', async () => {
    const order = await shop.call('GET', `/api/v1/orders/${orderId}`, anna.token);
    expect(order.body).toMatchObject({ phone: customer.phone, shippingAddress: { street: customer.street }, status: 'delivered' });
    expect((await shop.call('GET', `/api/v1/shipments/${shipmentId}`, anna.token)).status).toBe(403);
    const inbox = await shop.call('GET', '/api/v1/notifications?limit=100', anna.token);
    expect(inbox.body.items.length).toBeGreaterThan(0);
  });
});
