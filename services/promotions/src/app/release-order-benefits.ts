import type { TxContext } from '@bazar/kit/events/outbox';
import { and, eq } from 'drizzle-orm';
import { cancelRedemptionRow } from '../db/redemption-repo.ts';
import { loyaltyHistory, loyaltyHolds, redemptions } from '../db/schema.ts';
import { pointsValue } from '../domain/loyalty.ts';
import type { PromotionsContext } from './context.ts';
import { lockAccount, recordPointsChange } from './points-ledger.ts';
import { returnHold } from './return-hold.ts';

/**
 * Undoes what an order took from promotions when it is cancelled or refunded: held points come back
 * and promo uses are given back. A refund also takes back the points the order earned, never below 0.
 * Safe to run twice: only live holds and redemptions are flipped, and a revocation is recorded once.
 */
export async function releaseOrderBenefits(
  ctx: PromotionsContext,
  tctx: TxContext,
  input: { orderId: string; customerId: string; revokeEarned: boolean },
) {
  const now = ctx.deps.clock.now();
  const holds = await tctx.tx
    .select({ id: loyaltyHolds.id })
    .from(loyaltyHolds)
    .where(and(eq(loyaltyHolds.orderId, input.orderId), eq(loyaltyHolds.status, 'held')));
  for (const hold of holds) await returnHold(tctx, ctx.deps.ids, hold.id, now);
  const uses = await tctx.tx
    .select({ id: redemptions.id })
    .from(redemptions)
    .where(and(eq(redemptions.orderId, input.orderId), eq(redemptions.status, 'redeemed')));
  for (const use of uses) await cancelRedemptionRow(tctx.tx, use.id, now);
  if (input.revokeEarned) await revokeEarned(ctx, tctx, input.orderId, input.customerId, now);
}

async function revokeEarned(ctx: PromotionsContext, tctx: TxContext, orderId: string, customerId: string, now: Date) {
  const balanceBefore = await lockAccount(tctx.tx, customerId, now);
  const rows = await tctx.tx
    .select({ reason: loyaltyHistory.reason, delta: loyaltyHistory.delta })
    .from(loyaltyHistory)
    .where(eq(loyaltyHistory.orderId, orderId));
  const earned = rows.find((r) => r.reason === 'earned');
  if (!earned || rows.some((r) => r.reason === 'revoked')) return;
  // Points a return already took back are not taken twice.
  const left = earned.delta + rows.filter((r) => r.reason === 'return_revoked').reduce((sum, r) => sum + r.delta, 0);
  // Points already spent elsewhere are not clawed back into a negative balance.
  const delta = -Math.min(Math.max(0, left), balanceBefore);
  if (delta === 0) return;
  await recordPointsChange(tctx, {
    id: ctx.deps.ids.next(),
    customerId,
    balanceBefore,
    delta,
    reason: 'revoked',
    orderId,
    holdId: null,
    at: now,
    value: pointsValue(Math.abs(delta), { baseCurrency: ctx.config.BASE_CURRENCY, pointValueMinor: ctx.config.LOYALTY_POINT_VALUE_MINOR }),
  });
}
