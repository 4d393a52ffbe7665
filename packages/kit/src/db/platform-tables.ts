import { sql } from 'drizzle-orm';
import { index, integer, jsonb, type PgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The tables every service keeps in its own schema for reliable messaging. Each service's
 * db/schema.ts calls these so drizzle-kit generates them into that service's migrations.
 */
export function outboxTable(schema: PgSchema) {
  return schema.table(
    'outbox',
    {
      id: uuid('id').primaryKey(),
      type: text('type').notNull(),
      envelope: jsonb('envelope').notNull(),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
      attempts: integer('attempts').notNull().default(0),
      leaseUntil: timestamp('lease_until', { withTimezone: true }),
      publishedAt: timestamp('published_at', { withTimezone: true }),
      lastError: text('last_error'),
    },
    // Only unpublished rows, in id order: the relay's claim walks it from the start and stops at
    // its batch size. An index on (published_at, id) kept an entry per published row's old version
    // until vacuum, and the claim re-read thousands of dead rows each time (docs/decisions/0024).
    (t) => [index('outbox_pending_idx').on(t.id).where(sql`${t.publishedAt} IS NULL`)],
  );
}

export function inboxTable(schema: PgSchema) {
  return schema.table(
    'inbox',
    {
      eventId: uuid('event_id').notNull(),
      handler: text('handler').notNull(),
      handledAt: timestamp('handled_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [primaryKey({ columns: [t.eventId, t.handler] })],
  );
}

/** Stored responses of writes that carried an `Idempotency-Key`. */
export function idempotencyTable(schema: PgSchema) {
  return schema.table(
    'idempotency_keys',
    {
      scope: text('scope').notNull(),
      key: text('key').notNull(),
      requestHash: text('request_hash').notNull(),
      status: integer('status'),
      response: jsonb('response'),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [primaryKey({ columns: [t.scope, t.key] })],
  );
}

export type OutboxTable = ReturnType<typeof outboxTable>;
export type InboxTable = ReturnType<typeof inboxTable>;
export type IdempotencyTable = ReturnType<typeof idempotencyTable>;
