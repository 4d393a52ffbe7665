import { decodeCursor, toPage } from '@bazar/kit/http/pagination';
import { listBets } from '../db/bet-repo.ts';
import type { Bet } from '../domain/bet.ts';
import type { BettingContext } from './context.ts';

const isCursor = (v: unknown): v is { id: string } => typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string';

/** Bets, newest first: of one order, or the caller's own with `mine`. */
export async function listBetsPage(
  ctx: BettingContext,
  input: { managerId: string; orderId?: string; mine?: boolean; limit: number; cursor?: string },
) {
  const after = decodeCursor(input.cursor, isCursor);
  const rows = await listBets(
    ctx.deps.db,
    {
      ...(input.orderId ? { orderId: input.orderId } : {}),
      ...(input.mine ? { managerId: input.managerId } : {}),
      ...(after ? { beforeId: after.id } : {}),
    },
    input.limit + 1,
  );
  return toPage(rows, input.limit, betView, (b) => ({ id: b.id }));
}

export const betView = (b: Bet) => ({
  id: b.id,
  orderId: b.orderId,
  managerId: b.managerId,
  outcome: b.outcome,
  stake: b.stake,
  status: b.status,
  payout: b.payout,
  createdAt: b.createdAt.toISOString(),
  settledAt: b.settledAt?.toISOString() ?? null,
});
