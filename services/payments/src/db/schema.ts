import { idempotencyTable, inboxTable, outboxTable } from '@bazar/kit/db/platform-tables';
import { sql } from 'drizzle-orm';
import { bigint, char, check, index, jsonb, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const paymentsSchema = pgSchema('payments');

const money = (name: string) => bigint(`${name}_minor`, { mode: 'number' });
const at = (name: string) => timestamp(name, { withTimezone: true });

/** One row per payment; `id` is the caller's paymentId, so creation is idempotent. */
export const payments = paymentsSchema.table(
  'payments',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    provider: text('provider').notNull(),
    /** The provider's payment-method token (never card data), kept to re-drive a stuck authorization. */
    token: text('token').notNull(),
    status: text('status').notNull(),
    amount: money('amount').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    refunded: money('refunded').notNull().default(0),
    discount: money('discount'),
    loyalty: money('loyalty'),
    providerRef: text('provider_ref'),
    failureReason: text('failure_reason'),
    nextAction: jsonb('next_action').$type<{ type: string; url: string }>(),
    /** `manual`: an authorization waits for the caller's capture (a service request captures the actual amount). */
    captureMethod: text('capture_method').notNull().default('automatic'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    index('payments_order_idx').on(t.orderId),
    index('payments_provider_ref_idx').on(t.provider, t.providerRef),
    index('payments_status_idx').on(t.status, t.updatedAt),
    check('payments_amount_positive', sql`${t.amount} > 0`),
    check('payments_refunded_range', sql`${t.refunded} >= 0 AND ${t.refunded} <= ${t.amount}`),
  ],
);

/** Refunds by the caller's refundId; `pending` reserves the amount while the provider is asked. */
export const refunds = paymentsSchema.table(
  'refunds',
  {
    id: uuid('id').primaryKey(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id),
    amount: money('amount').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    reason: text('reason').notNull(),
    status: text('status').notNull(),
    providerRef: text('provider_ref'),
    failureReason: text('failure_reason'),
    createdAt: at('created_at').notNull(),
    completedAt: at('completed_at'),
  },
  (t) => [index('refunds_payment_idx').on(t.paymentId), check('refunds_amount_positive', sql`${t.amount} > 0`)],
);

/** Provider webhook events already handled, so a replay is recognised and changes nothing. */
export const webhookEvents = paymentsSchema.table(
  'webhook_events',
  {
    provider: text('provider').notNull(),
    eventId: text('event_id').notNull(),
    type: text('type').notNull(),
    paymentId: uuid('payment_id'),
    receivedAt: at('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] })],
);

/** The chart of accounts; clearing accounts per provider are added when first used. */
export const ledgerAccounts = paymentsSchema.table('ledger_accounts', {
  code: text('code').primaryKey(),
  type: text('type').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
});

/** Journal entries; postings never change, status only moves pending → posted | voided (a trigger enforces it). */
export const journalEntries = paymentsSchema.table(
  'journal_entries',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    paymentId: uuid('payment_id').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    createdAt: at('created_at').notNull(),
    postedAt: at('posted_at'),
    voidedAt: at('voided_at'),
  },
  (t) => [
    index('journal_entries_order_idx').on(t.orderId, t.id),
    index('journal_entries_payment_idx').on(t.paymentId, t.id),
    check('journal_entries_status', sql`${t.status} IN ('pending', 'posted', 'voided')`),
  ],
);

/** One debit or credit of an entry, a positive amount in minor units. */
export const postings = paymentsSchema.table(
  'postings',
  {
    id: uuid('id').primaryKey(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => journalEntries.id),
    account: text('account')
      .notNull()
      .references(() => ledgerAccounts.code),
    direction: text('direction').notNull(),
    amount: money('amount').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
  },
  (t) => [
    index('postings_entry_idx').on(t.entryId),
    index('postings_account_idx').on(t.account, t.currency),
    check('postings_direction', sql`${t.direction} IN ('debit', 'credit')`),
    check('postings_amount_positive', sql`${t.amount} > 0`),
  ],
);

export const outbox = outboxTable(paymentsSchema);
export const inbox = inboxTable(paymentsSchema);
export const idempotencyKeys = idempotencyTable(paymentsSchema);
