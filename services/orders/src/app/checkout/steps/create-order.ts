import { deferWrite } from '@bazar/kit/db/deferred-writes';
import { placeholders, reusableQuery } from '@bazar/kit/db/reusable-query';
import { findOrder, insertHistory } from '../../../db/order-repo.ts';
import { orderRows } from '../../../db/schema.ts';
import { checkoutTotals } from '../../../domain/checkout-totals.ts';
import { formatOrderNumber, type Order, placed } from '../../../domain/order.ts';
import { orderMachine } from '../../../domain/order-status.ts';
import { toIntegration } from '../../../events/outbound.ts';
import { moveOrder } from '../../move-order.ts';
import type { CheckoutStep } from '../checkout-state.ts';

const insertOrder = reusableQuery('orders.order.insert', (db) =>
  db
    .insert(orderRows)
    .values(
      placeholders(
        'id',
        'numberSeq',
        'customerId',
        'status',
        'currency',
        'exchangeRate',
        'lines',
        'subtotalMinor',
        'discountMinor',
        'pointsDiscountMinor',
        'shippingMinor',
        'totalMinor',
        'pointsUsed',
        'promoCode',
        'shippingAddress',
        'phone',
        'reservationId',
        'redemptionId',
        'holdId',
        'checkoutId',
        'expiresAt',
        'createdAt',
        'updatedAt',
      ),
    ),
);

/**
 * Creates the order `awaiting_payment` with the locked prices and rate, its first history entry,
 * and `order.awaiting_payment.v1`, in one transaction — one statement, as none of it is read back
 * and the number was drawn when the checkout started. Its expiry job is sent only if the payment
 * stays open (place-order); a crash before that is covered by the checkout recovery and the
 * periodic sweep of overdue orders.
 */
export const createOrder: CheckoutStep = {
  name: 'create-order',
  async run(ctx, state) {
    const { cart } = state;
    const { orderSeq } = state;
    if (!cart || !state.reservationId || orderSeq === undefined) throw new Error('create-order runs after lock-prices and reserve-stock');
    const totals = checkoutTotals(cart, state.redemption ?? null, state.hold ?? null);
    const at = ctx.deps.clock.now();
    const expiresAt = new Date(at.getTime() + ctx.config.paymentTtlSeconds * 1000);
    return ctx.deps.uow(async (txc) => {
      const insert = insertOrder.statement(txc.tx, {
        id: state.orderId,
        numberSeq: orderSeq,
        customerId: state.customerId,
        status: 'awaiting_payment',
        currency: cart.currency,
        exchangeRate: cart.exchangeRate,
        lines: cart.lines,
        subtotalMinor: totals.subtotal.amount,
        discountMinor: totals.discount.amount,
        pointsDiscountMinor: totals.pointsDiscount.amount,
        shippingMinor: totals.shipping.amount,
        totalMinor: totals.total.amount,
        pointsUsed: state.hold?.points ?? 0,
        promoCode: cart.promoCode,
        shippingAddress: state.request.shippingAddress,
        phone: state.request.phone,
        reservationId: state.reservationId as string,
        redemptionId: state.redemption?.redemptionId ?? null,
        holdId: state.hold?.holdId ?? null,
        checkoutId: state.checkoutId,
        expiresAt,
        createdAt: at,
        updatedAt: at,
      });
      await deferWrite(txc.tx, insert);
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
        payment: null,
        refunded: { amount: 0, currency: cart.currency },
        reservationId: state.reservationId as string,
        redemptionId: state.redemption?.redemptionId ?? null,
        holdId: state.hold?.holdId ?? null,
        expiresAt,
        createdAt: at,
      };
      const change = placed(order, state.customerId, at);
      await insertHistory(txc.tx, ctx.deps.ids.next(), change);
      await txc.publish(toIntegration(order, change));
      // No progress write here: recovery undoes every step by its derived id, whatever the state says.
      return {
        ...state,
        order: { number, total: totals.total, discount: totals.discount, pointsDiscount: totals.pointsDiscount },
        placed: { order, history: [change] },
      };
    });
  },
  async undo(ctx, state) {
    await ctx.deps.uow(async (txc) => {
      const order = await findOrder(txc.tx, state.orderId, true);
      if (!order || !orderMachine.can(order.status, 'cancelled')) return;
      await moveOrder(ctx, txc, order, 'cancelled', { actorId: null, note: 'checkout failed' });
    });
  },
};
