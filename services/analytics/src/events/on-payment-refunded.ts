import { PaymentRefunded } from '@bazar/contracts/events/payments';
import { factSource } from '../app/sources.ts';
import { withRefund } from '../domain/order-facts.ts';

/** Money given back, whole or in part (a partial refund changes no order status, so only this event tells). */
export const paymentRefundedSource = () =>
  factSource(PaymentRefunded, { orderIdOf: (d) => d.orderId, merge: (facts, d) => withRefund(facts, d.refundedTotal.amount) });
