import { InputError, isUniqueViolation } from '@bazar/kit/errors';
import { toPromotion, toPromotionView } from '../db/promotion-repo.ts';
import { promotions } from '../db/schema.ts';
import { CodeTaken } from '../domain/promotion.errors.ts';
import { normalizeCode } from '../domain/promotion.ts';
import { type PromotionInput, toPromotionTerms } from '../domain/promotion-input.ts';
import type { PromotionsContext } from './context.ts';

/** Creates a promo code (codes are unique in any letter case); amounts are stored in the base currency. */
export async function createPromotion(ctx: PromotionsContext, input: PromotionInput & { actorId: string | null }) {
  const checked = toPromotionTerms(input, ctx.config.BASE_CURRENCY);
  if ('errors' in checked) throw new InputError(checked.errors);
  const code = normalizeCode(input.code);
  const now = ctx.deps.clock.now();
  try {
    const [row] = await ctx.deps.db
      .insert(promotions)
      .values({
        id: ctx.deps.ids.next(),
        code,
        ...checked.terms,
        currency: ctx.config.BASE_CURRENCY,
        createdBy: input.actorId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return toPromotionView(toPromotion(row as typeof promotions.$inferSelect));
  } catch (error) {
    if (isUniqueViolation(error, 'promotions_code_key')) throw CodeTaken(code);
    throw error;
  }
}
