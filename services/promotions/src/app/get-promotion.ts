import { findPromotionByCode, toPromotionView } from '../db/promotion-repo.ts';
import { PromotionNotFound } from '../domain/promotion.errors.ts';
import type { PromotionsContext } from './context.ts';

/** One promotion by code (any letter case); 404 when there is none. */
export async function getPromotion(ctx: PromotionsContext, code: string) {
  const promotion = await findPromotionByCode(ctx.deps.db, code);
  if (!promotion) throw PromotionNotFound(code);
  return toPromotionView(promotion);
}
