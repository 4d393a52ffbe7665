import { InputError } from '@bazar/kit/errors';
import { eq } from 'drizzle-orm';
import { findPromotionByCode, toPromotion, toPromotionView } from '../db/promotion-repo.ts';
import { promotions } from '../db/schema.ts';
import { PromotionNotFound } from '../domain/promotion.errors.ts';
import type { PromotionsContext } from './context.ts';

export interface PromotionChanges {
  active?: boolean;
  endsAt?: string | null;
  usageLimit?: number | null;
  perCustomerLimit?: number | null;
}

/**
 * Deactivates/reactivates a code or changes its end and limits. Runs under the promotion's row lock so
 * a limit lowered during checkouts is seen by the next redemption; uses already made are never taken back.
 */
export async function updatePromotion(ctx: PromotionsContext, code: string, changes: PromotionChanges) {
  return ctx.deps.uow(async ({ tx }) => {
    const current = await findPromotionByCode(tx, code, true);
    if (!current) throw PromotionNotFound(code);
    const endsAt = changes.endsAt === undefined ? current.endsAt : changes.endsAt === null ? null : new Date(changes.endsAt);
    if (endsAt && current.startsAt && endsAt <= current.startsAt) {
      throw new InputError([{ path: 'endsAt', message: 'must be after startsAt' }]);
    }
    const [row] = await tx
      .update(promotions)
      .set({
        active: changes.active ?? current.active,
        endsAt,
        usageLimit: changes.usageLimit === undefined ? current.usageLimit : changes.usageLimit,
        perCustomerLimit: changes.perCustomerLimit === undefined ? current.perCustomerLimit : changes.perCustomerLimit,
        updatedAt: ctx.deps.clock.now(),
      })
      .where(eq(promotions.id, current.id))
      .returning();
    return toPromotionView(toPromotion(row as typeof promotions.$inferSelect));
  });
}
