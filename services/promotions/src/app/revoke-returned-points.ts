import type { TxContext } from '@bazar/kit/events/outbox';
import type { Money } from '@bazar/kit/money';
import { eq } from 'drizzle-orm';
import { loyaltyHistory } from '../db/schema.ts';
import { pointsEarned, pointsValue } from '../domain/loyalty.ts';
import type { PromotionsContext } from './context.ts';
import { lockAccount, recordPointsChange } from './points-ledger.ts';

/**
 * A return refunded part of a delivered order: the points that part earned are taken back, never
 * more than the order earned and has not lost yet, and never below a zero balance. Once per return
 * (the inbox of the event that asks for it).
 */
export async function revokeReturnedPoints(
  ctx: PromotionsContext,
  tctx: TxContext,
  input: { orderId: string; customerId: string; refund: Money; exchangeRate: string },
): Promise<number> {
  const worth = pointsEarned(input.refund, input.exchangeRate, {
    baseCurrency: ctx.config.BASE_CURRENCY,
    earnPercent: ctx.config.LOYALTY_EARN_PERCENT,
    pointValueMinor: ctx.config.LOYALTY_POINT_VALUE_MINOR,
  });
  if (worth <= 0) return 0;
  const now = ctx.deps.clock.now();
  const balanceBefore = await lockAccount(tctx.tx, input.customerId, now);
  const rows = await tctx.tx
    .select({ reason: loyaltyHistory.reason, delta: loyaltyHistory.delta })
    .from(loyaltyHistory)
    .where(eq(loyaltyHistory.orderId, input.orderId));
  if (rows.some((r) => r.reason === 'revoked')) return 0;
  const earnedLeft = rows.filter((r) => r.reason === 'earned' || r.reason === 'return_revoked').reduce((sum, r) => sum + r.delta, 0);
  const taken = Math.min(worth, Math.max(0, earnedLeft), balanceBefore);
  if (taken <= 0) return 0;
  await recordPointsChange(tctx, {
    id: ctx.deps.ids.next(),
    customerId: input.customerId,
    balanceBefore,
    delta: -taken,
    reason: 'return_revoked',
    orderId: input.orderId,
    holdId: null,
    at: now,
    value: pointsValue(Math.abs(taken), { baseCurrency: ctx.config.BASE_CURRENCY, pointValueMinor: ctx.config.LOYALTY_POINT_VALUE_MINOR }),
  });
  return taken;
}
