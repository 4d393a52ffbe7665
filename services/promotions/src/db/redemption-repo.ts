import type { DbOrTx, Tx } from '@bazar/kit/db/database';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { redemptionMachine } from '../domain/redemption-status.ts';
import { promotions, redemptions } from './schema.ts';

/** Live (not cancelled) uses of a promotion by one customer. */
export async function countCustomerUses(db: DbOrTx, promotionId: string, customerId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(redemptions)
    .where(and(eq(redemptions.promotionId, promotionId), eq(redemptions.customerId, customerId), eq(redemptions.status, 'redeemed')));
  return row?.n ?? 0;
}

/**
 * Cancels one redemption and gives its use back, inside the caller's transaction. Locks the promotion
 * first (the same order redeeming takes), then flips the redemption only if it is still live, so a
 * repeat or a racing cancel gives nothing back twice. `not_found` when there is no such redemption.
 */
export async function cancelRedemptionRow(tx: Tx, redemptionId: string, now: Date): Promise<'cancelled' | 'not_found'> {
  const [found] = await tx.select({ promotionId: redemptions.promotionId }).from(redemptions).where(eq(redemptions.id, redemptionId));
  if (!found) return 'not_found';
  await tx.select({ id: promotions.id }).from(promotions).where(eq(promotions.id, found.promotionId)).for('update');
  const flipped = await tx
    .update(redemptions)
    .set({ status: 'cancelled', cancelledAt: now })
    .where(and(eq(redemptions.id, redemptionId), inArray(redemptions.status, redemptionMachine.sources('cancelled'))))
    .returning({ id: redemptions.id });
  if (flipped.length > 0) {
    await tx
      .update(promotions)
      .set({ used: sql`${promotions.used} - 1`, updatedAt: now })
      .where(eq(promotions.id, found.promotionId));
  }
  return 'cancelled';
}
