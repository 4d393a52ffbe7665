import type { Money } from '@bazar/kit/money';
import { findPromotionByCode } from '../db/promotion-repo.ts';
import { countCustomerUses } from '../db/redemption-repo.ts';
import { assertRedeemable, computeDiscount } from '../domain/promotion.ts';
import type { PromotionsContext } from './context.ts';

export interface QuoteInput {
  code: string;
  customerId: string | null;
  subtotal: Money;
  shipping: Money;
}

/** What a code would give on this subtotal, checking every rule but changing nothing (422 when it does not apply). */
export async function quotePromotion(ctx: PromotionsContext, input: QuoteInput) {
  const { db, clock } = ctx.deps;
  const promotion = await findPromotionByCode(db, input.code);
  const customerUses =
    promotion?.perCustomerLimit != null && input.customerId ? await countCustomerUses(db, promotion.id, input.customerId) : null;
  assertRedeemable(promotion, input.code, { now: clock.now(), subtotal: input.subtotal, customerUses });
  return { code: promotion.code, type: promotion.type, ...computeDiscount(promotion, input.subtotal) };
}
