import { newId } from '@bazar/kit/ids';
import type { TestService } from '@bazar/kit/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { available, fake } from '../../../../test/fakes/state.ts';
import { cartWith, checkoutBody, startOrders, stockedSku } from '../../../../test/harness.ts';
import { buildOrdersContext } from '../../../index.ts';
import type { OrdersContext } from '../../context.ts';
import { CHECKOUT_STEPS } from '../checkout.saga.ts';
import { type CheckoutState, stepId } from '../checkout-state.ts';
import { startCheckout } from '../start-checkout.ts';

// Each step's undo on its own: it gives back what its own run took and nothing of the steps before
// it, a second undo changes nothing, and an undo of a step that never ran is harmless (recovery
// undoes every step of a crashed checkout by its derived ids).

let t: TestService;
let ctx: OrdersContext;

beforeAll(async () => {
  ({ t } = await startOrders());
  ctx = buildOrdersContext(t.service.deps);
});
// These checkouts are stopped by hand half-way: ended here, so a capture event of theirs is not
// held back waiting for a settle that never comes.
afterEach(async () => {
  await t.database.query(`UPDATE orders.checkouts SET status = 'compensated' WHERE status = 'running'`);
});
afterAll(() => t?.close());

/** A started checkout of 3 units with a promo code and 30 points. */
async function started() {
  const customerId = newId();
  const code = `STEP${newId().slice(-8).toUpperCase()}`;
  fake.promos.set(code, { type: 'fixed', value: 1_000, usageLimit: 1, used: 0 });
  fake.points.set(customerId, 30);
  const sku = stockedSku(4);
  const cart = cartWith(customerId, [{ sku, quantity: 3 }], { promoCode: code });
  const request = checkoutBody(cart.id, 'tok_success', { usePoints: 30 }) as unknown as CheckoutState['request'];
  const initial = { checkoutId: newId(), orderId: newId(), customerId, request };
  const start = await startCheckout(ctx, initial);
  if (!('state' in start)) throw new Error('a new checkout was answered as a replay');
  const s = { state: start.state, sku, code, customerId, cartId: cart.id };
  /** What each step holds while it is done. */
  const holds: Record<string, () => boolean> = {
    'lock-prices': () => fake.carts.get(s.cartId)?.status === 'checked_out',
    'reserve-stock': () => available(s.sku) === 1,
    'redeem-promotion': () => fake.promos.get(s.code)?.used === 1,
    'hold-points': () => fake.points.get(s.customerId) === 0,
    'authorize-payment': () => {
      const payment = fake.payments.get(stepId(s.state.checkoutId, 'payment'));
      return payment !== undefined && !['voided', 'refunded', 'failed'].includes(payment.status);
    },
  };
  return { ...s, holds };
}

describe('each checkout step undone on its own', () => {
  it.each(CHECKOUT_STEPS.map((step, index) => [step.name, index] as const))('%s', async (_name, index) => {
    const s = await started();
    let state = s.state;
    for (const step of CHECKOUT_STEPS.slice(0, index + 1)) state = await step.run(ctx, state);
    const step = CHECKOUT_STEPS[index];
    if (!step) throw new Error('no step');
    const before = CHECKOUT_STEPS.slice(0, index).map((earlier) => earlier.name);
    const holding = (name: string) => s.holds[name]?.();
    for (const name of [...before, step.name]) if (name in s.holds) expect(holding(name), `${name} holds after its run`).toBe(true);

    await step.undo(ctx, state);
    if (step.name in s.holds) expect(holding(step.name), `${step.name} gave back what it took`).toBe(false);
    for (const name of before) if (name in s.holds) expect(holding(name), `${name} still holds`).toBe(true);

    // Undone twice: nothing more is given back.
    await step.undo(ctx, state);
    expect(available(s.sku)).toBe(step.name === 'reserve-stock' ? 4 : before.includes('reserve-stock') ? 1 : 4);
    expect(fake.points.get(s.customerId)).toBe(step.name === 'hold-points' || !before.includes('hold-points') ? 30 : 0);
  });

  it.each(CHECKOUT_STEPS.map((step) => step.name))('%s undone without having run changes nothing', async (name) => {
    const s = await started();
    const step = CHECKOUT_STEPS.find((candidate) => candidate.name === name);
    await step?.undo(ctx, s.state);
    expect(available(s.sku)).toBe(4);
    expect(fake.promos.get(s.code)?.used).toBe(0);
    expect(fake.points.get(s.customerId)).toBe(30);
    expect(fake.carts.get(s.cartId)?.status).toBe('open');
    expect(fake.payments.has(stepId(s.state.checkoutId, 'payment'))).toBe(false);
  });
});
