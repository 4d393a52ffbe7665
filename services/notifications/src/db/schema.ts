import { inboxTable, outboxTable } from '@bazar/kit/db/platform-tables';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const notifications = pgSchema('notifications');

/**
 * Whom to tell and how: contacts from identity's events (name, e-mail) and from the orders' (the
 * delivery phone), and the customer's channel preferences. No reads of other services' tables.
 */
export const recipients = notifications.table('recipients', {
  userId: uuid('user_id').primaryKey(),
  name: text('name'),
  email: text('email'),
  phone: text('phone'),
  locale: text('locale').notNull().default('ru'),
  smsEnabled: boolean('sms_enabled').notNull().default(true),
  emailEnabled: boolean('email_enabled').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Every message, rendered once; one per event and channel (the unique index is what makes a repeat a no-op). */
export const messages = notifications.table(
  'messages',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    channel: text('channel').notNull(),
    template: text('template').notNull(),
    sourceEventId: uuid('source_event_id').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject'),
    text: text('text').notNull(),
    html: text('html'),
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    /** A sender holds the message until then, so a retry and the sweep never send it at once. */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lastError: text('last_error'),
    gatewayId: text('gateway_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('messages_event_channel_key').on(t.sourceEventId, t.channel),
    index('messages_user_idx').on(t.userId, t.id),
    index('messages_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index('messages_failed_idx').on(t.id).where(sql`status = 'failed'`),
  ],
);

/**
 * A notice that wanted the customer's e-mail before identity's event told it (events of one
 * customer are handled concurrently after an outage): kept until the address arrives.
 */
export const awaitingContact = notifications.table(
  'awaiting_contact',
  {
    sourceEventId: uuid('source_event_id').primaryKey(),
    userId: uuid('user_id').notNull(),
    notice: jsonb('notice').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('awaiting_contact_user_idx').on(t.userId)],
);

export const outbox = outboxTable(notifications);
export const inbox = inboxTable(notifications);
export type MessageRow = typeof messages.$inferSelect;
export type RecipientRow = typeof recipients.$inferSelect;
