import { inboxTable, outboxTable } from '@bazar/kit/db/platform-tables';
import { char, date, index, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { RateSource } from '../domain/rate-table.ts';

export const rates = pgSchema('rates');

/**
 * Every version of the rate table, immutable: a change appends a full snapshot, so the table in
 * force at any moment (the rate an order was placed at) is one indexed lookup.
 */
export const rateSets = rates.table(
  'rate_sets',
  {
    id: uuid('id').primaryKey(),
    base: char('base', { length: 3 }).notNull(),
    /** Units of each currency per one base unit, decimal strings; the base is not listed. */
    rates: jsonb('rates').$type<Record<string, string>>().notNull(),
    sources: jsonb('sources').$type<Record<string, RateSource>>().notNull(),
    /** What made this version: a manager or the provider. */
    source: text('source').$type<RateSource>().notNull(),
    /** Currencies whose rate or source this version changed. */
    changed: text('changed').array().notNull(),
    actorId: uuid('actor_id'),
    /** The date the provider set its rates for, when the provider made this version. */
    providerDate: date('provider_date', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_sets_base_created_idx').on(t.base, t.createdAt, t.id), index('rate_sets_changed_idx').using('gin', t.changed)],
);

export const outbox = outboxTable(rates);
export const inbox = inboxTable(rates);
