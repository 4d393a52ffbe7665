import type { TxContext } from '@bazar/kit/events/outbox';
import { addOrder, findOrder, insertHistory } from '../../../db/order-repo.ts';
import { checkoutTotals } from '../../../domain/checkout-totals.ts';
import { formatOrderNumber, type Order, type PaymentRef, placed, type StatusChange, transition } from '../../../domain/order.ts';
import { orderMachine } from '../../../domain/order-status.ts';
import { toIntegration } from '../../../events/outbound.ts';
import type { OrdersContext } from '../../context.ts';
import { moveOrder } from '../../move-order.ts';
import type { CheckoutState, CheckoutStep } from '../checkout-state.ts';

/**
 * The order as the checkout places it — `awaiting_payment`, with the locked prices and rate and its
 * first history entry — worked out in memory. It is written once the payment has answered
 * (`writePlacedOrder`), with that answer: an order paid at once is one statement (row, both history
 * entries, both events and the settled checkout) instead of a create and a move. Until then no
 * row exists, and none is needed: the payment knows the order by id, the capture event waits for
 * the checkout (settledHere) or retries while it runs, and a crash is undone by recovery.
 */
export const createOrder: CheckoutStep = {
  name: 'create-order',
  async run(ctx, state) {
    const { cart } = state;
    const { orderSeq } = state;
    if (!cart || !state.reservationId || orderSeq === undefined) throw new Error('create-order runs after lock-prices and reserve-stock');
    const totals = checkoutTotals(cart, state.redemption ?? null, state.hold ?? null);
    const at = ctx.deps.clock.now();
    const number = formatOrderNumber(orderSeq);
    const order: Order = {
      id: state.orderId,
      number,
      customerId: state.customerId,
      status: 'awaiting_payment',
      currency: cart.currency,
      exchangeRate: cart.exchangeRate,
      lines: cart.lines,
      totals,
      pointsUsed: state.hold?.points ?? 0,
      promoCode: cart.promoCode,
      shippingAddress: state.request.shippingAddress,
      phone: state.request.phone,
      deliverySlot: state.slot ?? null,
      payment: null,
      refunded: { amount: 0, currency: cart.currency },
      reservationId: state.reservationId,
      redemptionId: state.redemption?.redemptionId ?? null,
      holdId: state.hold?.holdId ?? null,
      shipment: null,
      expiresAt: new Date(at.getTime() + ctx.config.paymentTtlSeconds * 1000),
      createdAt: at,
    };
    return {
      ...state,
      order: { number, total: totals.total, discount: totals.discount, pointsDiscount: totals.pointsDiscount },
      placed: { order, history: [placed(order, state.customerId, at)] },
    };
  },
  // Written only by the settle, so a row here means the checkout got that far before it failed.
  async undo(ctx, state) {
    await ctx.deps.uow(async (txc) => {
      const order = await findOrder(txc.tx, state.orderId, true);
      if (!order || !orderMachine.can(order.status, 'cancelled')) return;
      await moveOrder(ctx, txc, order, 'cancelled', { actorId: null, note: 'checkout failed' });
    });
  },
};

/** What the payment answered, as the order is written with it: its payment, and `paid` or `cancelled` when settled at once. */
export interface PaymentOutcome {
  payment: PaymentRef | null;
  to?: 'paid' | 'cancelled';
  note: string;
}

/**
 * Writes the order the checkout placed with the payment's outcome, its history and an event per
 * history entry, as deferred writes of the caller's unit of work. Answers the order and its
 * history as written.
 */
export async function writePlacedOrder(
  ctx: OrdersContext,
  { tx, publish }: TxContext,
  state: CheckoutState,
  outcome: PaymentOutcome,
): Promise<{ order: Order; history: StatusChange[] }> {
  if (!state.placed || state.orderSeq === undefined) throw new Error('writePlacedOrder needs the order create-order placed');
  const placedOrder = { ...state.placed.order, payment: outcome.payment };
  const moved = outcome.to
    ? transition(placedOrder, outcome.to, { at: ctx.deps.clock.now(), actorId: null, note: outcome.note })
    : undefined;
  const order = moved?.order ?? placedOrder;
  const history = moved ? [...state.placed.history, moved.change] : state.placed.history;
  await addOrder(tx, order, { numberSeq: state.orderSeq, checkoutId: state.checkoutId, updatedAt: history.at(-1)?.at ?? order.createdAt });
  for (const change of history) await insertHistory(tx, ctx.deps.ids.next(), change);
  // Each event carries the order as it was at its entry: the placed one, then the settled one.
  await publish(...history.map((change) => toIntegration(change.to === placedOrder.status ? placedOrder : order, change)));
  return { order, history };
}
