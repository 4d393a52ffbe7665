import type { TxContext } from '@bazar/kit/events/outbox';
import type { Ids } from '@bazar/kit/ids';
import { and, eq, inArray } from 'drizzle-orm';
import { loyaltyHolds } from '../db/schema.ts';
import { holdMachine } from '../domain/hold-status.ts';
import { lockAccount, recordPointsChange } from './points-ledger.ts';

/**
 * Cancels a hold and returns its points, inside the caller's transaction. Takes the account lock
 * before flipping the hold (the order holding takes), and flips only a live hold, so repeats and
 * racing cancels return the points once.
 */
export async function returnHold(ctx: TxContext, ids: Ids, holdId: string, now: Date): Promise<'cancelled' | 'not_found'> {
  const [hold] = await ctx.tx.select().from(loyaltyHolds).where(eq(loyaltyHolds.id, holdId));
  if (!hold) return 'not_found';
  const balanceBefore = await lockAccount(ctx.tx, hold.customerId, now);
  const flipped = await ctx.tx
    .update(loyaltyHolds)
    .set({ status: 'cancelled', cancelledAt: now })
    .where(and(eq(loyaltyHolds.id, holdId), inArray(loyaltyHolds.status, holdMachine.sources('cancelled'))))
    .returning({ id: loyaltyHolds.id });
  if (flipped.length > 0) {
    await recordPointsChange(ctx, {
      id: ids.next(),
      customerId: hold.customerId,
      balanceBefore,
      delta: hold.points,
      reason: 'returned',
      orderId: hold.orderId,
      holdId,
      at: now,
      value: { amount: hold.valueMinor, currency: hold.currency },
    });
  }
  return 'cancelled';
}
