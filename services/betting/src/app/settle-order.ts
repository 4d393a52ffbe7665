import type { TxContext } from '@bazar/kit/events/outbox';
import { changeBalance, lockOrder, lockWallet, markSettled, openBetsOf, rememberOrder, saveSettled } from '../db/bet-repo.ts';
import { settleBet } from '../domain/bet.ts';
import type { Outcome } from '../domain/outcome.ts';
import { settlePool } from '../domain/settlement.ts';
import { weekOf } from '../domain/week.ts';
import { settledEvent } from '../events/outbound.ts';
import type { BettingContext } from './context.ts';

/**
 * Settles an order's pool on its outcome, once: the order row records the settlement, so a
 * replayed or later outcome event finds it settled and changes nothing. Payouts go to the
 * winners' wallets (or back to the stakers) in the same transaction.
 */
export async function settleOrder(
  ctx: BettingContext,
  txc: TxContext,
  input: { orderId: string; customerId: string; outcome: Outcome },
): Promise<void> {
  const { tx } = txc;
  await rememberOrder(tx, input.orderId, input.customerId);
  const order = await lockOrder(tx, input.orderId);
  if (!order || order.settledAt) return;
  const now = ctx.deps.clock.now();
  const open = await openBetsOf(tx, input.orderId);
  const results = settlePool(open, input.outcome);
  const settled = open.map((bet, i) => settleBet(bet, results[i] as (typeof results)[number], now));
  await markSettled(tx, input.orderId, input.outcome, now);
  await saveSettled(tx, settled);
  const payouts = new Map<string, number>();
  for (const bet of settled) payouts.set(bet.managerId, (payouts.get(bet.managerId) ?? 0) + bet.payout);
  for (const [managerId, payout] of [...payouts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (payout === 0) continue;
    await lockWallet(tx, managerId, weekOf(now), ctx.config.BETTING_WEEKLY_BUDGET, now);
    await changeBalance(tx, managerId, payout, now);
  }
  await txc.publish(settledEvent(input.orderId, input.outcome, settled, now));
}
