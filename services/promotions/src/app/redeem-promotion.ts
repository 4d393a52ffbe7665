import { isUniqueViolation } from '@bazar/kit/errors';
import type { Money } from '@bazar/kit/money';
import { eq, sql } from 'drizzle-orm';
import { findPromotionByCode, toRedemptionView } from '../db/promotion-repo.ts';
import { countCustomerUses } from '../db/redemption-repo.ts';
import { promotions, redemptions } from '../db/schema.ts';
import { assertRedeemable, computeDiscount } from '../domain/promotion.ts';
import type { PromotionsContext } from './context.ts';

export interface RedeemInput {
  redemptionId: string;
  code: string;
  customerId: string;
  orderId: string;
  subtotal: Money;
  shipping: Money;
}

/**
 * Counts one use of a code for an order. The promotion row is locked FOR UPDATE first, so the total
 * limit (`used`) and the per-customer count are read and changed by one checkout at a time, on every
 * engine; a repeat with the same redemptionId returns the first redemption and counts nothing.
 */
export async function redeemPromotion(ctx: PromotionsContext, input: RedeemInput) {
  const findExisting = async () => {
    const [row] = await ctx.deps.db.select().from(redemptions).where(eq(redemptions.id, input.redemptionId));
    return row ? toRedemptionView(row) : undefined;
  };
  try {
    return await ctx.deps.uow(async ({ tx }) => {
      const promotion = await findPromotionByCode(tx, input.code, true);
      // Read after the lock: a racing repeat of this redemptionId has committed by now.
      const [existing] = await tx.select().from(redemptions).where(eq(redemptions.id, input.redemptionId));
      if (existing) return toRedemptionView(existing);
      const customerUses = promotion?.perCustomerLimit != null ? await countCustomerUses(tx, promotion.id, input.customerId) : null;
      const now = ctx.deps.clock.now();
      assertRedeemable(promotion, input.code, { now, subtotal: input.subtotal, customerUses });
      const { discount, freeShipping } = computeDiscount(promotion, input.subtotal);
      await tx
        .update(promotions)
        .set({ used: sql`${promotions.used} + 1`, updatedAt: now })
        .where(eq(promotions.id, promotion.id));
      const [row] = await tx
        .insert(redemptions)
        .values({
          id: input.redemptionId,
          promotionId: promotion.id,
          code: promotion.code,
          type: promotion.type,
          customerId: input.customerId,
          orderId: input.orderId,
          status: 'redeemed',
          discountMinor: discount.amount,
          currency: discount.currency,
          freeShipping,
          redeemedAt: now,
        })
        .returning();
      return toRedemptionView(row as typeof redemptions.$inferSelect);
    });
  } catch (error) {
    // Same redemptionId raced under another code's lock: the first one won, return it.
    const existing = isUniqueViolation(error) ? await findExisting() : undefined;
    if (existing) return existing;
    throw error;
  }
}
