import type { PaymentStatus } from '@bazar/contracts/clients/payments';
import { defineMachine } from '@bazar/kit/machine';

export type { PaymentStatus };

/** The payment lifecycle; it only moves forward, so a late or replayed provider message cannot undo progress. */
export const paymentMachine = defineMachine<PaymentStatus>(
  {
    pending: ['requires_action', 'authorized', 'failed'],
    requires_action: ['authorized', 'failed'],
    authorized: ['captured', 'voided', 'failed'],
    captured: ['partially_refunded', 'refunded'],
    partially_refunded: ['partially_refunded', 'refunded'],
    failed: [],
    voided: [],
    refunded: [],
  },
  'payments.illegal_transition',
);

/**
 * The shortest chain of allowed moves from `from` to `to` (e.g. pending → authorized → captured),
 * or null when `to` is not ahead of `from`. Provider outcomes can skip states we never saw.
 */
export function pathTo(from: PaymentStatus, to: PaymentStatus): PaymentStatus[] | null {
  if (from === to) return null;
  const previous = new Map<PaymentStatus, PaymentStatus>();
  const queue: PaymentStatus[] = [from];
  while (queue.length > 0) {
    const current = queue.shift() as PaymentStatus;
    for (const next of paymentMachine.next(current)) {
      if (next === from || previous.has(next)) continue;
      previous.set(next, current);
      if (next === to) {
        const path: PaymentStatus[] = [to];
        let step = current;
        while (step !== from) {
          path.unshift(step);
          step = previous.get(step) as PaymentStatus;
        }
        return path;
      }
      queue.push(next);
    }
  }
  return null;
}

/** States after which no provider outcome changes anything. */
export const isFinal = (status: PaymentStatus) => paymentMachine.next(status).length === 0;
