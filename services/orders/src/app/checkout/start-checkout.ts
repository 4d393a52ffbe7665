import { IdempotencyInProgress, IdempotencyKeyReused } from '@bazar/kit/idempotency';
import { findConflictingCheckouts, insertRunningCheckout } from '../../db/checkout-repo.ts';
import { CheckoutInProgress } from '../../domain/order.errors.ts';
import type { OrdersContext } from '../context.ts';
import type { CheckoutAnswer, CheckoutState } from './checkout-state.ts';

// The row is the checkout's record and, with a key, the request's idempotency record (decision
// 0024); the order's number is drawn with it, so creating the order needs nothing back from the
// database. A checkout that fails leaves a gap in the numbers, as a rolled-back insert always could.

/** The customer's Idempotency-Key and the hash of the request that came with it. */
export interface CheckoutIdempotency {
  key: string;
  requestHash: string;
}

export type CheckoutStart = { state: CheckoutState } | { replay: CheckoutAnswer };

/** What stopped the insert: a checkout holding the same key (its answer, or why there is none yet), or a live one of the cart. */
async function conflictOf(ctx: OrdersContext, initial: CheckoutState, idempotency: CheckoutIdempotency | undefined) {
  const rows = await findConflictingCheckouts(ctx.deps.db, {
    customerId: initial.customerId,
    cartId: initial.request.cartId,
    idempotencyKey: idempotency?.key,
  });
  const keyed = idempotency && rows.find((r) => r.idempotencyKey === idempotency.key && r.customerId === initial.customerId);
  if (keyed && idempotency) {
    if (keyed.requestHash !== idempotency.requestHash) throw IdempotencyKeyReused();
    // The statement that settles a checkout stores its answer too: a row without one is still running.
    if (keyed.response) return { replay: keyed.response as CheckoutAnswer };
    throw IdempotencyInProgress();
  }
  if (rows.some((r) => r.cartId === initial.request.cartId)) throw CheckoutInProgress(initial.request.cartId);
  return undefined;
}

/**
 * Records the checkout as running, or answers what an earlier request with the same key got. Only
 * one live checkout per cart (409), and per key: a repeat while the first runs is 409, with another
 * body 422; a key whose checkout failed may be used again.
 */
export async function startCheckout(ctx: OrdersContext, initial: CheckoutState, idempotency?: CheckoutIdempotency): Promise<CheckoutStart> {
  const at = ctx.deps.clock.now();
  // A conflicting row may settle or fail between the insert and the look at it: then insert again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const row = await insertRunningCheckout(ctx.deps.db, {
      id: initial.checkoutId,
      customerId: initial.customerId,
      cartId: initial.request.cartId,
      orderId: initial.orderId,
      state: initial,
      idempotencyKey: idempotency?.key ?? null,
      requestHash: idempotency?.requestHash ?? null,
      at,
    });
    if (row) return { state: { ...initial, orderSeq: row.orderSeq } };
    const conflict = await conflictOf(ctx, initial, idempotency);
    if (conflict) return conflict;
  }
  throw CheckoutInProgress(initial.request.cartId);
}
