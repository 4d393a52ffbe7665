import cart from '@bazar/cart';
import catalog from '@bazar/catalog';
import { UserRegistered } from '@bazar/contracts/events/identity';
import delivery from '@bazar/delivery';
import fulfilment from '@bazar/fulfilment';
import inventory, { verifyStock } from '@bazar/inventory';
import type { Bus } from '@bazar/kit/bus/bus';
import { envelope } from '@bazar/kit/events/event';
import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService, waitFor } from '@bazar/kit/testing';
import orders from '@bazar/orders';
import payments, { verifyLedger } from '@bazar/payments';
import promotions from '@bazar/promotions';
import rates from '@bazar/rates';
import { expect } from 'vitest';
import { client } from './shop.ts';

/** The services a failed delivery touches, whose queues an AMQP run declares. */
export const FAILED_DELIVERY_GROUPS = [
  'catalog',
  'rates',
  'inventory',
  'promotions',
  'payments',
  'cart',
  'orders',
  'fulfilment',
  'delivery',
];

/**
 * A failed delivery, from the courier's report to the shelf, the card and the points: every service
 * of the order's path on one host (orders, fulfilment, inventory, delivery, payments, promotions), on
 * the in-process bus or, given one, RabbitMQ.
 */
export async function startFailedDeliveries(options: { bus?: Bus } = {}) {
  const t: TestService = await startTestService([catalog, rates, inventory, promotions, payments, cart, orders, fulfilment, delivery], {
    env: { DELIVERY_MAX_ATTEMPTS: '2', LOYALTY_EARN_PERCENT: '5', LOYALTY_POINT_VALUE_MINOR: '100' },
    ...options,
  });
  const shop = client(t);
  const operator = await t.tokens.issue({ roles: ['operator'] });
  // A courier as identity announces one; an operator puts them on duty in the order's city.
  const courierId = newId();
  const registered = UserRegistered.make({
    userId: courierId,
    email: `${courierId}@courier.test`,
    name: 'Курьер',
    phone: null,
    roles: ['courier'],
    registeredAt: new Date().toISOString(),
  });
  await t.bus.publish(envelope(registered, 'identity'));
  await waitFor(
    async () => (await shop.call('PATCH', `/api/v1/couriers/${courierId}`, operator, { city: 'Kazan', onDuty: true })).status === 200,
    20_000,
    'the courier in delivery',
  );
  return {
    t,
    shop,
    operator,
    manager: await t.tokens.issue({ roles: ['manager'] }),
    controller: await t.tokens.issue({ roles: ['controller'] }),
    picker: await t.tokens.issue({ id: newId(), roles: ['picker'] }),
    courier: { id: courierId, token: await t.tokens.issue({ id: courierId, roles: ['courier'] }) },
  };
}

/** A refused parcel and one whose attempts ran out: both back on the shelf, refunded, the books balanced. */
export async function runFailedDeliveries(run: Awaited<ReturnType<typeof startFailedDeliveries>>) {
  const { t, shop, operator, manager, controller, picker, courier } = run;
  const orderOf = async (orderId: string, token: string) => (await shop.call('GET', `/api/v1/orders/${orderId}`, token)).body;
  async function settled<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
    await waitFor(async () => ok(await read()), 30_000, what).catch(() => undefined);
    return read();
  }

  /** Checkout, picking by barcode and packing through the public API; answers the shipment delivery opened. */
  async function packedOrder(customer: string, variantId: string, quantity: number, usePoints = 0) {
    const cartId = await shop.cartWith(customer, variantId, quantity);
    const body = { ...shop.checkoutBody(cartId), ...(usePoints > 0 ? { usePoints } : {}) };
    const placed = await shop.call('POST', '/api/v1/checkout', customer, body, { 'idempotency-key': newId() });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    const orderId = placed.body.order.id as string;
    await t.drainOutboxes();
    const tasks = async () => (await shop.call('GET', `/api/v1/picking/tasks?orderId=${orderId}`, operator)).body.items;
    await waitFor(async () => (await tasks()).length > 0, 15_000, 'the picking task');
    const [task] = await tasks();
    expect((await shop.call('POST', `/api/v1/picking/tasks/${task.id}/claim`, picker)).status).toBe(200);
    for (const line of task.lines as { sku: string; quantity: number }[]) {
      expect(
        (await shop.call('POST', `/api/v1/picking/tasks/${task.id}/scan`, picker, { code: line.sku, quantity: line.quantity })).status,
      ).toBe(200);
    }
    expect((await shop.call('POST', `/api/v1/picking/tasks/${task.id}/complete`, picker)).body.status).toBe('packed');
    await t.drainOutboxes();
    const order = await settled(
      () => orderOf(orderId, customer),
      (o) => o.status === 'packed' && o.shipment?.status === 'assigned',
      'packed and assigned',
    );
    expect(order).toMatchObject({ status: 'packed', shipment: { status: 'assigned' } });
    return {
      orderId,
      shipmentId: order.shipment.id as string,
      paymentId: placed.body.order.payment.id as string,
      total: order.totals.total,
    };
  }

  const report = (shipmentId: string, token: string, body: Record<string, unknown>) =>
    shop.call('POST', `/api/v1/shipments/${shipmentId}/events`, token, { eventId: newId(), ...body });

  async function ledgerBalance(account: string) {
    const res = await shop.call('GET', '/api/v1/ledger/accounts', controller);
    expect(res.status).toBe(200);
    type Amount = { amount: number; currency: string };
    const items = res.body.items as { account: string; balances: { currency: string; debits: Amount; credits: Amount }[] }[];
    const row = items.find((a) => a.account === account)?.balances.find((b) => b.currency === 'RUB');
    return { debits: row?.debits.amount ?? 0, credits: row?.credits.amount ?? 0 };
  }

  const { variantId, sku } = await shop.product(manager, 100_000, 10);
  await settled(
    () => shop.stock(manager, sku),
    (s) => s.onHand === 10,
    'inventory to learn the SKU',
  );
  const customerId = newId();
  const customer = await t.tokens.issue({ id: customerId, roles: ['customer'] });

  // Delivered: 2 × 1,000.00 RUB plus shipping earns 5 % of its total in points of 1.00 RUB, owed by the programme.
  const first = await packedOrder(customer, variantId, 2);
  const earned = Math.floor((first.total.amount * 5) / 100 / 100);
  expect(earned).toBeGreaterThan(50);
  expect((await report(first.shipmentId, courier.token, { status: 'picked_up' })).status).toBe(200);
  expect((await report(first.shipmentId, operator, { status: 'delivered', note: 'handed over, code given on paper' })).status).toBe(200);
  await t.drainOutboxes();
  const loyalty = async () => (await shop.call('GET', '/api/v1/loyalty', customer)).body.balance as number;
  expect(await settled(loyalty, (b) => b === earned, 'points earned')).toBe(earned);
  expect(
    await settled(
      () => ledgerBalance('loyalty_liability'),
      (l) => l.credits > 0,
      'liability',
    ),
  ).toEqual({
    debits: 0,
    credits: earned * 100,
  });

  // Refused at the door: 50 points (50.00 RUB) spent on it, the card paid the rest.
  const refused = await packedOrder(customer, variantId, 1, 50);
  expect(await loyalty()).toBe(earned - 50);
  expect((await report(refused.shipmentId, courier.token, { status: 'picked_up' })).status).toBe(200);
  await t.drainOutboxes();
  expect(
    (
      await settled(
        () => orderOf(refused.orderId, customer),
        (o) => o.status === 'shipped',
        'shipped',
      )
    ).status,
  ).toBe('shipped');
  const refusal = await report(refused.shipmentId, courier.token, { status: 'failed', note: 'отказ: не тот цвет', refused: true });
  expect(refusal.body).toMatchObject({ status: 'returned', failures: 1 });

  // Not at home twice (DELIVERY_MAX_ATTEMPTS=2 here): the second failure sends it back by itself.
  const absent = await packedOrder(customer, variantId, 3);
  expect((await report(absent.shipmentId, courier.token, { status: 'picked_up' })).status).toBe(200);
  expect((await report(absent.shipmentId, courier.token, { status: 'failed', note: 'никого нет дома' })).body.status).toBe('failed');
  expect((await shop.call('POST', `/api/v1/shipments/${absent.shipmentId}/assign`, operator, { courierId: courier.id })).status).toBe(200);
  expect((await report(absent.shipmentId, courier.token, { status: 'picked_up' })).status).toBe(200);
  expect((await report(absent.shipmentId, courier.token, { status: 'failed', note: 'снова никого' })).body.status).toBe('returned');
  await t.drainOutboxes();

  // Both orders are cancelled and their cards refunded in full; the spent points came back.
  for (const { orderId, paymentId } of [refused, absent]) {
    const order = await settled(
      () => orderOf(orderId, customer),
      (o) => o.status === 'cancelled' && o.payment?.status === 'refunded',
      'cancelled and refunded',
    );
    expect(order).toMatchObject({ status: 'cancelled', shipment: { status: 'returned' }, payment: { status: 'refunded' } });
    expect((await shop.call('GET', `/api/v1/payments/${paymentId}`, customer)).body.status).toBe('refunded');
  }
  expect(await settled(loyalty, (b) => b === earned, 'points given back')).toBe(earned);

  // The goods are back on the shelf: only the delivered order's 2 units left the warehouse.
  await t.drainOutboxes();
  const stock = await settled(
    () => shop.stock(manager, sku),
    (s) => s.onHand === 8,
    'stock returned',
  );
  expect(stock).toEqual({ onHand: 8, reserved: 0, available: 8 });
  const journal = await shop.call('GET', `/api/v1/inventory/movements?sku=${sku}`, controller);
  const returns = (journal.body.items as { reason: string; onHandDelta: number }[]).filter((m) => m.reason === 'return');
  expect(returns.map((m) => m.onHandDelta).sort()).toEqual([1, 3]);

  // `bazar stock verify` and `bazar ledger verify` (the same checks) pass.
  expect((await verifyStock(t.database)).violations).toEqual([]);
  const ledger = await verifyLedger(t.database);
  expect(ledger.violations).toEqual([]);
  // The programme owes exactly the customer's points: earned, less 50 spent, plus the 50 given back.
  const liability = await settled(
    () => ledgerBalance('loyalty_liability'),
    (l) => l.debits === 5_000 && l.credits === earned * 100 + 5_000,
    'the liability',
  );
  expect(liability).toEqual({ debits: 5_000, credits: earned * 100 + 5_000 });
  expect(liability.credits - liability.debits).toBe((await loyalty()) * 100);
  // Refunds: both cards in full and the 50.00 of points given back.
  const refunds = await settled(
    () => ledgerBalance('refunds'),
    (r) => r.debits - r.credits === refused.total.amount + absent.total.amount + 5_000,
    'the refunds',
  );
  expect(refunds.debits - refunds.credits).toBe(refused.total.amount + absent.total.amount + 5_000);
}
