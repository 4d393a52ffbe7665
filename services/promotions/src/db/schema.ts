import { idempotencyTable, inboxTable, outboxTable } from '@bazar/kit/db/platform-tables';
import { sql } from 'drizzle-orm';
import { bigint, boolean, char, check, index, integer, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const promotionsSchema = pgSchema('promotions');

/**
 * Promo codes. `code` is stored upper-cased, so the unique index makes codes case-insensitive.
 * `used` counts live redemptions and is only changed under this row's lock.
 */
export const promotions = promotionsSchema.table(
  'promotions',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    type: text('type').notNull(),
    percent: integer('percent'),
    amountMinor: bigint('amount_minor', { mode: 'number' }),
    minSubtotalMinor: bigint('min_subtotal_minor', { mode: 'number' }),
    currency: char('currency', { length: 3 }).notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    usageLimit: integer('usage_limit'),
    perCustomerLimit: integer('per_customer_limit'),
    used: integer('used').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('promotions_code_key').on(t.code), check('promotions_used_not_negative', sql`${t.used} >= 0`)],
);

/** One use of a code by an order; the id is the caller's redemptionId, which makes redeeming idempotent. */
export const redemptions = promotionsSchema.table(
  'redemptions',
  {
    id: uuid('id').primaryKey(),
    promotionId: uuid('promotion_id')
      .notNull()
      .references(() => promotions.id),
    code: text('code').notNull(),
    type: text('type').notNull(),
    customerId: uuid('customer_id').notNull(),
    orderId: uuid('order_id').notNull(),
    status: text('status').notNull(),
    discountMinor: bigint('discount_minor', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    freeShipping: boolean('free_shipping').notNull(),
    redeemedAt: timestamp('redeemed_at', { withTimezone: true }).notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    index('redemptions_promotion_customer_idx').on(t.promotionId, t.customerId, t.status),
    index('redemptions_order_idx').on(t.orderId),
    // The reconciler walks redemptions still counted by age.
    index('redemptions_redeemed_idx').on(t.redeemedAt, t.id).where(sql`${t.status} = 'redeemed'`),
  ],
);

/** A customer's point balance; the row is the lock every balance change takes. */
export const loyaltyAccounts = promotionsSchema.table(
  'loyalty_accounts',
  {
    customerId: uuid('customer_id').primaryKey(),
    balance: bigint('balance', { mode: 'number' }).notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  // A backstop: the use cases already refuse to spend more than the balance.
  (t) => [check('loyalty_accounts_balance_not_negative', sql`${t.balance} >= 0`)],
);

/** Every balance change, append-only. One `earned` row per order keeps a redelivered event from paying twice. */
export const loyaltyHistory = promotionsSchema.table(
  'loyalty_history',
  {
    id: uuid('id').primaryKey(),
    customerId: uuid('customer_id').notNull(),
    delta: bigint('delta', { mode: 'number' }).notNull(),
    balanceAfter: bigint('balance_after', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    orderId: uuid('order_id'),
    holdId: uuid('hold_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('loyalty_history_customer_idx').on(t.customerId, t.id),
    uniqueIndex('loyalty_history_earned_once_key').on(t.orderId, t.reason).where(sql`reason in ('earned', 'revoked')`),
  ],
);

/** Points set aside for an order at checkout; the id is the caller's holdId. */
export const loyaltyHolds = promotionsSchema.table(
  'loyalty_holds',
  {
    id: uuid('id').primaryKey(),
    customerId: uuid('customer_id').notNull(),
    orderId: uuid('order_id').notNull(),
    points: bigint('points', { mode: 'number' }).notNull(),
    valueMinor: bigint('value_minor', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    status: text('status').notNull(),
    heldAt: timestamp('held_at', { withTimezone: true }).notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    index('loyalty_holds_order_idx').on(t.orderId),
    // The reconciler walks holds still set aside by age.
    index('loyalty_holds_held_idx').on(t.heldAt, t.id).where(sql`${t.status} = 'held'`),
  ],
);

export const outbox = outboxTable(promotionsSchema);
export const inbox = inboxTable(promotionsSchema);
export const idempotencyKeys = idempotencyTable(promotionsSchema);
