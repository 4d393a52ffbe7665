import { findStuckCheckouts } from '../../db/checkout-repo.ts';
import type { OrdersContext } from '../context.ts';
import { CHECKOUT_STEPS, compensate } from './checkout.saga.ts';
import { type CheckoutState, saveCheckout } from './checkout-state.ts';

/**
 * After a crash a checkout may be left `running` or `compensating` (or a compensation may have
 * failed): it is compensated, all steps — every undo is idempotent by the derived ids, so undoing
 * a step that never ran is harmless, and a payment taken before the crash is voided or refunded.
 */
export async function recoverCheckouts(
  ctx: OrdersContext,
  olderThanSeconds = ctx.config.ORDER_CHECKOUT_RECOVERY_AFTER_SECONDS,
  limit = ctx.config.ORDER_CHECKOUT_RECOVERY_BATCH,
): Promise<number> {
  const cutoff = new Date(ctx.deps.clock.now().getTime() - olderThanSeconds * 1000);
  const stuck = await findStuckCheckouts(ctx.deps.db, cutoff, limit);
  for (const row of stuck) {
    const state = row.state as CheckoutState;
    const failures = await compensate(ctx, CHECKOUT_STEPS, state);
    await saveCheckout(ctx.deps.db, state, {
      step: row.step,
      status: failures.length > 0 ? 'compensation_failed' : 'compensated',
      error: { detail: 'recovered after a crash', compensation: failures },
      at: ctx.deps.clock.now(),
    });
  }
  return stuck.length;
}
