import type { TxContext } from '@bazar/kit/events/outbox';
import type { Money } from '@bazar/kit/money';
import { findPostedPaymentOfOrder, insertEntry } from '../db/ledger-repo.ts';
import { type LoyaltyMove, loyaltyEntry } from '../domain/ledger.ts';
import type { PaymentsContext } from './context.ts';

export interface PointsChange {
  orderId: string | null;
  delta: number;
  reason: string;
  /** What |delta| points are worth in the base currency; events from before it was carried have none. */
  value: Money | undefined;
}

/** Which way a change of points moves the liability; spending is booked by the payment entry itself. */
export function loyaltyMoveOf(change: Pick<PointsChange, 'delta' | 'reason'>): LoyaltyMove | null {
  if (change.reason === 'spent' || change.delta === 0) return null;
  if (change.reason === 'returned') return 'given_back';
  return change.delta > 0 ? 'granted' : 'taken_back';
}

/**
 * Books a change of a customer's points in the ledger's loyalty liability, in the inbox transaction
 * of `loyalty.points_changed` (so once per event). Points given back for a cancelled order are
 * booked only when its payment entry was posted (a voided one never debited the liability), and at
 * exactly what that entry debited. Earned points with no card payment behind them name the order as
 * the entry's payment.
 */
export async function bookPointsChange(ctx: PaymentsContext, txc: TxContext, change: PointsChange): Promise<boolean> {
  const move = loyaltyMoveOf(change);
  if (!move || !change.orderId) return false;
  const payment = await findPostedPaymentOfOrder(txc.tx, change.orderId);
  const amount = move === 'given_back' ? payment?.loyalty : change.value;
  if (!amount || amount.amount <= 0) return false;
  const entry = loyaltyEntry({
    id: ctx.deps.ids.next(),
    orderId: change.orderId,
    paymentId: payment?.paymentId ?? change.orderId,
    move,
    amount,
    createdAt: ctx.deps.clock.now(),
  });
  await insertEntry(txc.tx, entry, () => ctx.deps.ids.next());
  return true;
}
