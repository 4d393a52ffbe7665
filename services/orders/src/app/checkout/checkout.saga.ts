import { DomainError } from '@bazar/kit/errors';
import { CheckoutFailed } from '../../domain/order.errors.ts';
import type { OrdersContext } from '../context.ts';
import { type CheckoutState, type CheckoutStep, saveCheckout } from './checkout-state.ts';
import { authorizePayment } from './steps/authorize-payment.ts';
import { bookDeliverySlot } from './steps/book-delivery-slot.ts';
import { holdPoints } from './steps/hold-points.ts';
import { lockPrices } from './steps/lock-prices.ts';
import { priceOrder } from './steps/price-order.ts';
import { redeemPromotion } from './steps/redeem-promotion.ts';
import { reserveStock } from './steps/reserve-stock.ts';

/** The checkout, in order (DESIGN §3). */
export const CHECKOUT_STEPS: readonly CheckoutStep[] = [
  lockPrices,
  reserveStock,
  bookDeliverySlot,
  redeemPromotion,
  holdPoints,
  priceOrder,
  authorizePayment,
];

/** Runs the undos of `steps` in reverse; returns what could not be undone. */
export async function compensate(ctx: OrdersContext, steps: readonly CheckoutStep[], state: CheckoutState) {
  const failures: { step: string; error: string }[] = [];
  for (const step of [...steps].reverse()) {
    try {
      await step.undo(ctx, state);
    } catch (error) {
      failures.push({ step: step.name, error: String(error) });
      ctx.deps.log.error({ err: error, checkoutId: state.checkoutId, step: step.name }, 'checkout compensation failed');
    }
  }
  return failures;
}

/**
 * Runs the steps of a checkout `startCheckout` recorded, in order. On any failure the steps done so
 * far, and the failing one (it may have half-happened), are undone in reverse, and the original
 * problem is rethrown (a 409 out of stock stays a 409).
 *
 * Progress is persisted twice — the row at the start (with every id the steps will use, all
 * derived from the checkout id) and when settled — not after every step: recovery undoes every
 * step by its derived id, and undoing a step that never ran is a no-op, so per-step writes would
 * buy nothing but latency.
 */
export async function runCheckoutSaga(ctx: OrdersContext, started: CheckoutState): Promise<CheckoutState> {
  let state = started;
  const touched: CheckoutStep[] = [];
  try {
    for (const step of CHECKOUT_STEPS) {
      touched.push(step);
      state = await step.run(ctx, state);
      if (ctx.faults.failAfter?.() === step.name) throw new Error(`injected failure after ${step.name}`);
    }
    return state;
  } catch (error) {
    const at = ctx.deps.clock.now();
    if (!(error instanceof DomainError)) ctx.deps.log.error({ err: error, checkoutId: state.checkoutId }, 'checkout step failed');
    const problem = error instanceof DomainError ? { code: error.code, detail: error.message } : { detail: String(error) };
    await saveCheckout(ctx.deps.db, state, { step: touched.at(-1)?.name ?? 'started', status: 'compensating', error: problem, at });
    const failures = await compensate(ctx, touched, state);
    await saveCheckout(ctx.deps.db, state, {
      step: touched.at(-1)?.name ?? 'started',
      status: failures.length > 0 ? 'compensation_failed' : 'compensated',
      error: { ...problem, compensation: failures },
      at: ctx.deps.clock.now(),
    });
    if (error instanceof DomainError) throw error;
    throw CheckoutFailed('Checkout could not be completed; nothing was charged or reserved');
  }
}
