import { inboxTable, outboxTable } from '@bazar/kit/db/platform-tables';
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const betting = pgSchema('betting');

/** The orders betting has heard of (its read model from order events) and, once known, their outcome. */
export const orders = betting.table('orders', {
  orderId: uuid('order_id').primaryKey(),
  customerId: uuid('customer_id').notNull(),
  outcome: text('outcome'),
  /** Set when the pool was settled; a second outcome event finds it and does nothing. */
  settledAt: timestamp('settled_at', { withTimezone: true }),
});

export const bets = betting.table(
  'bets',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    managerId: uuid('manager_id').notNull(),
    outcome: text('outcome').notNull(),
    stake: integer('stake').notNull(),
    status: text('status').notNull(),
    payout: integer('payout').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (t) => [
    index('bets_order_idx').on(t.orderId),
    index('bets_manager_idx').on(t.managerId, t.id),
    index('bets_settled_idx').on(t.settledAt),
    check('bets_stake_positive', sql`${t.stake} > 0`),
  ],
);

/** A manager's points for the week; the row is the lock every stake and payout takes. */
export const wallets = betting.table(
  'wallets',
  {
    managerId: uuid('manager_id').primaryKey(),
    balance: integer('balance').notNull(),
    /** The Monday of the week the balance belongs to; an older one is reset to the weekly budget. */
    week: date('week', { mode: 'string' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [check('wallets_balance_not_negative', sql`${t.balance} >= 0`)],
);

/** Names of the people who may bet, from identity's sign-up events, so the leaderboard can show them. */
export const people = betting.table('people', {
  userId: uuid('user_id').primaryKey(),
  name: text('name').notNull(),
});

export const outbox = outboxTable(betting);
export const inbox = inboxTable(betting);
