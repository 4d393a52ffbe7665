import type { PaymentView } from '@bazar/contracts/clients/payments';
import type { DbOrTx } from '@bazar/kit/db/database';
import type { Money } from '@bazar/kit/money';
import { v5 } from 'uuid';
import { saveCheckoutProgress } from '../../db/checkout-repo.ts';
import type { CheckoutStatus } from '../../domain/checkout-status.ts';
import type { LockedCart } from '../../domain/checkout-totals.ts';
import type { DeliverySlot, Order, ShippingAddress, StatusChange } from '../../domain/order.ts';
import type { OrdersContext } from '../context.ts';
import type { OrderView } from '../get-order.ts';

/** What the customer asked for. */
export interface CheckoutRequest {
  cartId: string;
  phone: string;
  shippingAddress: ShippingAddress;
  payment: { provider: string; token: string };
  usePoints?: number;
  /** The delivery day and window the customer chose, if any. */
  deliverySlot?: { date: string; windowId: string };
}

/**
 * The saga's memory, stored in `orders.checkouts.state` when the checkout starts (with every id the
 * steps derive from the checkout id) and when it settles or is compensated; not after each step.
 */
export interface CheckoutState {
  checkoutId: string;
  orderId: string;
  customerId: string;
  request: CheckoutRequest;
  cart?: LockedCart;
  reservationId?: string;
  redemption?: { redemptionId: string; discount: Money; freeShipping: boolean } | null;
  hold?: { holdId: string; points: number; value: Money } | null;
  /** The place delivery holds in the chosen window. */
  slot?: DeliverySlot | null;
  /** The order's number, taken from its sequence when the checkout starts. */
  orderSeq?: number;
  /** What the order owes, and what the promotion and the points settled of its list price. */
  order?: { number: string; total: Money; discount: Money; pointsDiscount: Money };
  payment?: PaymentView | null;
  /** The order as this process created it, with its history so far; in memory only, never stored. */
  placed?: { order: Order; history: StatusChange[] };
}

/** What POST /checkout answers (CONTRACT), stored with the checkout for a repeat of its Idempotency-Key. */
export interface CheckoutAnswer {
  order: OrderView;
  payment: PaymentView | null;
}

/** One saga step: `run` does it (idempotently), `undo` takes it back (idempotently, even if `run` half-happened). */
export interface CheckoutStep {
  name: string;
  run(ctx: OrdersContext, state: CheckoutState): Promise<CheckoutState>;
  undo(ctx: OrdersContext, state: CheckoutState): Promise<void>;
}

/**
 * Ids for the other services, derived from the checkout id: a retried step (or a compensation
 * after a crash) names the same reservation, redemption, hold or payment, never a new one.
 */
export const stepId = (checkoutId: string, purpose: 'reservation' | 'redemption' | 'hold' | 'payment' | 'slot') => v5(purpose, checkoutId);

/** Inside a unit of work the write goes with its other deferred writes; elsewhere it runs at once. */
export async function saveCheckout(
  db: DbOrTx,
  state: CheckoutState,
  progress: { step: string; status?: CheckoutStatus; error?: unknown; answer?: CheckoutAnswer; at: Date },
): Promise<void> {
  const { placed: _inMemory, ...stored } = state;
  await saveCheckoutProgress(db, {
    id: state.checkoutId,
    step: progress.step,
    state: stored,
    at: progress.at,
    status: progress.status ?? null,
    error: progress.error === undefined ? null : JSON.stringify(progress.error),
    response: progress.answer === undefined ? null : JSON.stringify(progress.answer),
  });
}
