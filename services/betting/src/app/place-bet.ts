import { changeBalance, insertBet, lockOrder, lockWallet } from '../db/bet-repo.ts';
import type { Bet } from '../domain/bet.ts';
import { BudgetExceeded, OrderNotFound, OutcomeKnown, OwnOrder } from '../domain/betting.errors.ts';
import type { Outcome } from '../domain/outcome.ts';
import { weekOf } from '../domain/week.ts';
import type { BettingContext } from './context.ts';

/**
 * A manager stakes points on an order's outcome. Under the order's lock, so a bet either joins
 * the pool before settlement or is refused after it; the stake leaves the wallet in the same
 * transaction, and never more than is left.
 */
export async function placeBet(
  ctx: BettingContext,
  input: { managerId: string; orderId: string; outcome: Outcome; stake: number },
): Promise<Bet> {
  const { uow, clock, ids } = ctx.deps;
  return uow(async ({ tx }) => {
    const order = await lockOrder(tx, input.orderId);
    if (!order) throw OrderNotFound(input.orderId);
    if (order.outcome) throw OutcomeKnown(input.orderId, order.outcome);
    if (order.customerId === input.managerId) throw OwnOrder(input.orderId);
    const now = clock.now();
    const balance = await lockWallet(tx, input.managerId, weekOf(now), ctx.config.BETTING_WEEKLY_BUDGET, now);
    if (input.stake > balance) throw BudgetExceeded(balance, input.stake);
    const bet: Bet = { id: ids.next(), ...input, status: 'open', payout: 0, createdAt: now, settledAt: null };
    await insertBet(tx, bet);
    await changeBalance(tx, input.managerId, -input.stake, now);
    return bet;
  });
}
