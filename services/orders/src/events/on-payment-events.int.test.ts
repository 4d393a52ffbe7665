import { PaymentCaptured } from '@bazar/contracts/events/payments';
import { defaultRetryPolicy } from '@bazar/kit/bus/bus';
import { createMemoryBus } from '@bazar/kit/bus/memory-bus';
import { envelope } from '@bazar/kit/events/event';
import { newId } from '@bazar/kit/ids';
import type { TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, cartWith, checkoutBody, startOrders, stockedSku } from '../../test/harness.ts';

let t: TestService;
let call: ReturnType<typeof api>;
const customerId = newId();
let token: string;

// Counts redeliveries: a handler that threw is delivered again after a pause.
let redeliveries = 0;
const bus = createMemoryBus(undefined, {
  ...defaultRetryPolicy,
  delayMs: (attempt) => {
    redeliveries++;
    return defaultRetryPolicy.delayMs(attempt);
  },
  notYetDelayMs: (attempt) => {
    redeliveries++;
    return defaultRetryPolicy.notYetDelayMs?.(attempt) ?? 100;
  },
});

beforeAll(async () => {
  ({ t } = await startOrders({}, { bus }));
  call = api(t);
  token = await t.tokens.issue({ id: customerId, roles: ['customer'] });
});
afterAll(() => t?.close());

const captured = (orderId: string) =>
  envelope(
    PaymentCaptured.make({
      paymentId: newId(),
      orderId,
      provider: 'test',
      amount: { amount: 40_000, currency: 'RUB' },
      capturedAt: new Date().toISOString(),
    }),
    'payments',
  );

/** A checkout left running for `orderId`, as one in another process is between its payment and writing the order. */
const runningCheckout = (orderId: string) =>
  t.database.query(
    `INSERT INTO orders.checkouts (id, customer_id, cart_id, order_id, status, step, state, created_at, updated_at)
     VALUES ($1, $2, $3, $4, 'running', 'authorize-payment', '{}', now(), now())`,
    [newId(), customerId, newId(), orderId],
  );

const statusOf = async (orderId: string) =>
  (await t.database.query<{ status: string }>('SELECT status FROM orders.orders WHERE id = $1', [orderId]))[0]?.status;

describe('payment.captured before the checkout has written its order', () => {
  it('is delivered again until the order is there, then marks it paid', async () => {
    // An order awaiting 3-D Secure, copied under the id of a checkout still running.
    const cart = cartWith(customerId, [{ sku: stockedSku(1), quantity: 1 }]);
    const template = (await call('POST', '/api/v1/checkout', token, checkoutBody(cart.id, 'tok_3ds'))).json().order.id as string;
    const orderId = newId();
    await runningCheckout(orderId);
    const dead = bus.deadLetters.length;
    const before = redeliveries;
    const delivered = t.bus.publish(captured(orderId));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await statusOf(orderId)).toBeUndefined();
    const [columns] = await t.database.query<{ list: string }>(
      `SELECT string_agg(column_name, ', ') AS list FROM information_schema.columns
       WHERE table_schema = 'orders' AND table_name = 'orders' AND column_name NOT IN ('id', 'number_seq', 'checkout_id')`,
    );
    await t.database.query(
      `INSERT INTO orders.orders (id, number_seq, checkout_id, ${columns?.list})
       SELECT $1, nextval('orders.order_number_seq'), $2, ${columns?.list} FROM orders.orders WHERE id = $3`,
      [orderId, newId(), template],
    );
    await delivered;
    expect(await statusOf(orderId)).toBe('paid');
    expect(redeliveries).toBeGreaterThan(before);
    expect(bus.deadLetters.length).toBe(dead);
  });

  it('is done at once when there is no order and no checkout writing one', async () => {
    const dead = bus.deadLetters.length;
    const before = redeliveries;
    await t.bus.publish(captured(newId()));
    expect(redeliveries).toBe(before);
    expect(bus.deadLetters.length).toBe(dead);
  });

  it('keeps coming back past the ordinary retries while its checkout is stalled, and is done once the checkout is undone', async () => {
    const orderId = newId();
    await runningCheckout(orderId);
    const dead = bus.deadLetters.length;
    const before = redeliveries;
    const progress = { settled: false };
    const delivered = t.bus.publish(captured(orderId)).then(() => {
      progress.settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(progress.settled).toBe(false);
    // An ordinary failure is dead-lettered after maxAttempts - 1 redeliveries.
    expect(redeliveries - before).toBeGreaterThanOrEqual(defaultRetryPolicy.maxAttempts);
    await t.database.query(`UPDATE orders.checkouts SET status = 'compensated' WHERE order_id = $1`, [orderId]);
    await delivered;
    expect(bus.deadLetters.length).toBe(dead);
    expect(await statusOf(orderId)).toBeUndefined();
  });
});
