import { idempotencyTable, inboxTable, outboxTable } from '@bazar/kit/db/platform-tables';
import { char, index, integer, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CartItem } from '../domain/cart.ts';

export const cart = pgSchema('cart');

/** Carts when they live in the database; lines are a JSON array, prices are never stored. */
export const carts = cart.table(
  'carts',
  {
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id'),
    currency: char('currency', { length: 3 }).notNull(),
    items: jsonb('items').$type<CartItem[]>().notNull(),
    promoCode: text('promo_code'),
    status: text('status').notNull(),
    orderId: uuid('order_id'),
    version: integer('version').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  // Stale carts are found by creation time, which never changes: an index on `updated_at` would be
  // rewritten by every change and keep changes from being HOT updates (docs/decisions/0024).
  (t) => [index('carts_owner_idx').on(t.ownerId), index('carts_created_idx').on(t.createdAt)],
);

export const outbox = outboxTable(cart);
export const inbox = inboxTable(cart);
export const idempotencyKeys = idempotencyTable(cart);
