import { type BetStatus, betMachine } from './bet-status.ts';
import type { Outcome } from './outcome.ts';
import type { SettledBet } from './settlement.ts';

export interface Bet {
  id: string;
  orderId: string;
  managerId: string;
  outcome: Outcome;
  stake: number;
  status: BetStatus;
  payout: number;
  createdAt: Date;
  settledAt: Date | null;
}

/** Applies a settlement to an open bet; the machine refuses to settle one twice. */
export function settleBet(bet: Bet, settled: SettledBet, at: Date): Bet {
  betMachine.assert(bet.status, settled.status);
  return { ...bet, status: settled.status, payout: settled.payout, settledAt: at };
}
