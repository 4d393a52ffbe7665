import { BetsSettled } from '@bazar/contracts/events/betting';
import type { OutgoingEvent } from '@bazar/kit/events/event';
import type { Bet } from '../domain/bet.ts';
import type { Outcome } from '../domain/outcome.ts';

/** The ONLY mapping from betting's changes to integration events. */
export function settledEvent(orderId: string, outcome: Outcome, settled: Bet[], at: Date): OutgoingEvent {
  return BetsSettled.make({
    orderId,
    outcome,
    pool: settled.reduce((sum, b) => sum + b.stake, 0),
    bets: settled.map((b) => ({ betId: b.id, managerId: b.managerId, status: b.status as 'won' | 'lost' | 'returned', payout: b.payout })),
    settledAt: at.toISOString(),
  });
}
