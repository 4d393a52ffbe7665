import { checkoutTotals } from '../../../domain/checkout-totals.ts';
import { formatOrderNumber, type Order, placed } from '../../../domain/order.ts';
import type { CheckoutStep } from '../checkout-state.ts';
import { cancelWrittenOrder } from '../settle-checkout.ts';

/**
 * Prices the order: its totals from the locked cart, the redemption and the points hold, and the
 * order as the checkout places it (`awaiting_payment`, its number, first history entry), worked
 * out in memory. Nothing is stored: the settle writes the order with the payment's answer
 * (settle-checkout.ts), so an order paid at once is one statement. The payment knows the order by
 * id meanwhile, and a capture event that arrives first waits for the checkout or retries.
 *
 * Undo: nothing of the pricing is stored; an order row exists only if a settle wrote it, and that
 * order is cancelled (`cancelWrittenOrder`).
 */
export const priceOrder: CheckoutStep = {
  name: 'price-order',
  async run(ctx, state) {
    const { cart } = state;
    const { orderSeq } = state;
    if (!cart || !state.reservationId || orderSeq === undefined) throw new Error('price-order runs after lock-prices and reserve-stock');
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
  undo: (ctx, state) => cancelWrittenOrder(ctx, state.orderId),
};
