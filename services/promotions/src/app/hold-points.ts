import { isUniqueViolation } from '@bazar/kit/errors';
import { eq } from 'drizzle-orm';
import { loyaltyHolds } from '../db/schema.ts';
import { pointsValue } from '../domain/loyalty.ts';
import { InsufficientPoints } from '../domain/promotion.errors.ts';
import type { PromotionsContext } from './context.ts';
import { lockAccount, recordPointsChange } from './points-ledger.ts';

type HoldRow = typeof loyaltyHolds.$inferSelect;

/** A hold in the shape of the internal API (contracts `PointsHold`). */
const toHoldView = (row: HoldRow) => ({
  holdId: row.id,
  points: row.points,
  value: { amount: row.valueMinor, currency: row.currency },
  status: row.status as 'held' | 'cancelled',
});

export interface HoldPointsInput {
  holdId: string;
  customerId: string;
  orderId: string;
  points: number;
}

/**
 * Spends points for an order at checkout. The balance is checked and lowered under the account's row
 * lock, so two holds racing for the same points cannot both pass; a repeat holdId returns the first hold.
 */
export async function holdPoints(ctx: PromotionsContext, input: HoldPointsInput) {
  const rule = { baseCurrency: ctx.config.BASE_CURRENCY, pointValueMinor: ctx.config.LOYALTY_POINT_VALUE_MINOR };
  try {
    return await ctx.deps.uow(async (tctx) => {
      const now = ctx.deps.clock.now();
      const balanceBefore = await lockAccount(tctx.tx, input.customerId, now);
      // Read after the lock: a racing repeat of this holdId for the same customer has committed by now.
      const [existing] = await tctx.tx.select().from(loyaltyHolds).where(eq(loyaltyHolds.id, input.holdId));
      if (existing) return toHoldView(existing);
      if (balanceBefore < input.points) throw InsufficientPoints(balanceBefore, input.points);
      const value = pointsValue(input.points, rule);
      const [row] = await tctx.tx
        .insert(loyaltyHolds)
        .values({
          id: input.holdId,
          customerId: input.customerId,
          orderId: input.orderId,
          points: input.points,
          valueMinor: value.amount,
          currency: value.currency,
          status: 'held',
          heldAt: now,
        })
        .returning();
      await recordPointsChange(tctx, {
        id: ctx.deps.ids.next(),
        customerId: input.customerId,
        balanceBefore,
        delta: -input.points,
        reason: 'spent',
        orderId: input.orderId,
        holdId: input.holdId,
        at: now,
        value,
      });
      return toHoldView(row as typeof loyaltyHolds.$inferSelect);
    });
  } catch (error) {
    // The same holdId reused for another customer: the first hold stands.
    if (!isUniqueViolation(error)) throw error;
    const [row] = await ctx.deps.db.select().from(loyaltyHolds).where(eq(loyaltyHolds.id, input.holdId));
    if (!row) throw error;
    return toHoldView(row);
  }
}
