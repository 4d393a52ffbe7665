import type { DbOrTx } from '@bazar/kit/db/database';
import type { Money } from '@bazar/kit/money';
import { eq } from 'drizzle-orm';
import { normalizeCode, type Promotion, type PromotionType, remainingUses } from '../domain/promotion.ts';
import { promotions, type redemptions } from './schema.ts';

type PromotionRow = typeof promotions.$inferSelect;
type RedemptionRow = typeof redemptions.$inferSelect;

/** Row → domain promotion; no rules here. */
export function toPromotion(row: PromotionRow): Promotion {
  return {
    id: row.id,
    code: row.code,
    type: row.type as PromotionType,
    percent: row.percent,
    amountMinor: row.amountMinor,
    minSubtotalMinor: row.minSubtotalMinor,
    currency: row.currency,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    usageLimit: row.usageLimit,
    perCustomerLimit: row.perCustomerLimit,
    used: row.used,
    active: row.active,
    createdAt: row.createdAt,
  };
}

/** Loads a promotion by code (any letter case), optionally locking its row for the rest of the transaction. */
export async function findPromotionByCode(db: DbOrTx, code: string, lock = false): Promise<Promotion | undefined> {
  const query = db
    .select()
    .from(promotions)
    .where(eq(promotions.code, normalizeCode(code)));
  const [row] = lock ? await query.for('update') : await query;
  return row ? toPromotion(row) : undefined;
}

/** The promotion as the staff API shows it: `value` in the shape it was created with, plus usage counts. */
export function toPromotionView(p: Promotion) {
  const inBase = (amount: number | null): Money | null => (amount === null ? null : { amount, currency: p.currency });
  return {
    id: p.id,
    code: p.code,
    type: p.type,
    value: p.type === 'percent' ? p.percent : p.type === 'fixed' ? inBase(p.amountMinor) : null,
    minSubtotal: inBase(p.minSubtotalMinor),
    startsAt: p.startsAt?.toISOString() ?? null,
    endsAt: p.endsAt?.toISOString() ?? null,
    usageLimit: p.usageLimit,
    perCustomerLimit: p.perCustomerLimit,
    used: p.used,
    remaining: remainingUses(p),
    active: p.active,
    createdAt: p.createdAt.toISOString(),
  };
}
export type PromotionView = ReturnType<typeof toPromotionView>;

/** A redemption in the shape of the internal API (contracts `Redemption`). */
export function toRedemptionView(row: RedemptionRow) {
  return {
    redemptionId: row.id,
    code: row.code,
    type: row.type as PromotionType,
    discount: { amount: row.discountMinor, currency: row.currency },
    freeShipping: row.freeShipping,
    status: row.status as 'redeemed' | 'cancelled',
  };
}
