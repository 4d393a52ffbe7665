import type { TxContext } from '@bazar/kit/events/outbox';
import type { Money } from '@bazar/kit/money';
import { and, eq } from 'drizzle-orm';
import { loyaltyHistory } from '../db/schema.ts';
import { pointsEarned, pointsValue } from '../domain/loyalty.ts';
import type { PromotionsContext } from './context.ts';
import { lockAccount, recordPointsChange } from './points-ledger.ts';

export interface EarnPointsInput {
  orderId: string;
  customerId: string;
  total: Money;
  exchangeRate: string;
}

/**
 * Credits the points a delivered order earns (LOYALTY_EARN_PERCENT of its total in the base currency).
 * Once per order: checked under the account lock, with a unique index behind it.
 */
export async function earnPoints(ctx: PromotionsContext, tctx: TxContext, input: EarnPointsInput): Promise<number> {
  const points = pointsEarned(input.total, input.exchangeRate, {
    baseCurrency: ctx.config.BASE_CURRENCY,
    earnPercent: ctx.config.LOYALTY_EARN_PERCENT,
    pointValueMinor: ctx.config.LOYALTY_POINT_VALUE_MINOR,
  });
  if (points <= 0) return 0;
  const now = ctx.deps.clock.now();
  const balanceBefore = await lockAccount(tctx.tx, input.customerId, now);
  const [already] = await tctx.tx
    .select({ id: loyaltyHistory.id })
    .from(loyaltyHistory)
    .where(and(eq(loyaltyHistory.orderId, input.orderId), eq(loyaltyHistory.reason, 'earned')));
  if (already) return 0;
  await recordPointsChange(tctx, {
    id: ctx.deps.ids.next(),
    customerId: input.customerId,
    balanceBefore,
    delta: points,
    reason: 'earned',
    orderId: input.orderId,
    holdId: null,
    at: now,
    value: pointsValue(Math.abs(points), { baseCurrency: ctx.config.BASE_CURRENCY, pointValueMinor: ctx.config.LOYALTY_POINT_VALUE_MINOR }),
  });
  return points;
}
