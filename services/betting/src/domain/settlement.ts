import type { BetStatus } from './bet-status.ts';
import type { Outcome } from './outcome.ts';

export interface StakedBet {
  id: string;
  managerId: string;
  outcome: Outcome;
  stake: number;
}

export interface SettledBet {
  id: string;
  managerId: string;
  status: Exclude<BetStatus, 'open'>;
  payout: number;
}

/**
 * Settles an order's pool. The winners share all of it in proportion to their stakes: each gets
 * the floor of its exact share, and the points left over go one each to the largest remainders
 * (ties to the larger stake, then the older bet id), so the payouts sum to the pool exactly. A
 * pool nobody won goes back to its stakers.
 */
export function settlePool(bets: readonly StakedBet[], outcome: Outcome): SettledBet[] {
  const pool = bets.reduce((sum, b) => sum + b.stake, 0);
  const winners = bets.filter((b) => b.outcome === outcome);
  if (winners.length === 0) return bets.map((b) => ({ id: b.id, managerId: b.managerId, status: 'returned', payout: b.stake }));
  const winning = BigInt(winners.reduce((sum, b) => sum + b.stake, 0));
  const shares = winners.map((b) => {
    const exact = BigInt(pool) * BigInt(b.stake);
    return { bet: b, floor: Number(exact / winning), remainder: exact % winning };
  });
  let left = pool - shares.reduce((sum, s) => sum + s.floor, 0);
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder !== b.remainder ? (b.remainder > a.remainder ? 1 : -1) : b.bet.stake - a.bet.stake || (a.bet.id < b.bet.id ? -1 : 1),
  );
  const extra = new Map<string, number>();
  for (const s of byRemainder) {
    if (left === 0) break;
    extra.set(s.bet.id, 1);
    left--;
  }
  const payouts = new Map(shares.map((s) => [s.bet.id, s.floor + (extra.get(s.bet.id) ?? 0)]));
  return bets.map((b) =>
    b.outcome === outcome
      ? { id: b.id, managerId: b.managerId, status: 'won', payout: payouts.get(b.id) ?? 0 }
      : { id: b.id, managerId: b.managerId, status: 'lost', payout: 0 },
  );
}
