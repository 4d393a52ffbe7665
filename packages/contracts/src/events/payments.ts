import { defineEvent } from '@bazar/kit/events/event';
import { Type } from 'typebox';
import { Money, Timestamp, Uuid } from '../common.ts';

const PaymentRef = { paymentId: Uuid, orderId: Uuid, provider: Type.String() };

/** Money was taken: the order becomes `paid`. */
export const PaymentCaptured = defineEvent('payment.captured', 1, Type.Object({ ...PaymentRef, amount: Money, capturedAt: Timestamp }));

/** The provider refused or the customer abandoned the challenge: the order is cancelled and its stock released. */
export const PaymentFailed = defineEvent('payment.failed', 1, Type.Object({ ...PaymentRef, reason: Type.String(), failedAt: Timestamp }));

/** An authorization was released without taking money. */
export const PaymentVoided = defineEvent('payment.voided', 1, Type.Object({ ...PaymentRef, voidedAt: Timestamp }));

/** Money went back; `refundedTotal` is everything refunded so far, `full` when nothing is left. */
export const PaymentRefunded = defineEvent(
  'payment.refunded',
  1,
  Type.Object({ ...PaymentRef, refundId: Uuid, amount: Money, refundedTotal: Money, full: Type.Boolean(), refundedAt: Timestamp }),
);
