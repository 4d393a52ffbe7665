import { UserRegistered } from '@bazar/contracts/events/identity';
import type { Bus } from '@bazar/kit/bus/bus';
import type { Database } from '@bazar/kit/db/database';
import { inboxTable, outboxTable } from '@bazar/kit/db/platform-tables';
import { createInboxDispatcher, onEvent } from '@bazar/kit/events/inbox';
import { outboxWriter } from '@bazar/kit/events/outbox';
import { createLogger } from '@bazar/kit/log';
import { pgSchema, text } from 'drizzle-orm/pg-core';

const schema = pgSchema('registrations_consumer');
const inbox = inboxTable(schema);
const outbox = outboxTable(schema);
const effects = schema.table('effects', { userId: text('user_id').notNull() });

/**
 * A stand-in consumer service: one row per handled `identity.user_registered` (no unique key, so
 * a duplicate delivery that slipped past the inbox would show as a second row).
 */
export async function startRegistrationsConsumer(database: Database, bus: Bus, group: string) {
  await database.exec(`
    CREATE SCHEMA IF NOT EXISTS registrations_consumer;
    CREATE TABLE IF NOT EXISTS registrations_consumer.inbox (event_id uuid NOT NULL, handler text NOT NULL,
      handled_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (event_id, handler));
    CREATE TABLE IF NOT EXISTS registrations_consumer.outbox (id uuid PRIMARY KEY, type text NOT NULL, envelope jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(), attempts integer NOT NULL DEFAULT 0, lease_until timestamptz,
      published_at timestamptz, last_error text);
    CREATE TABLE IF NOT EXISTS registrations_consumer.effects (user_id text NOT NULL);`);
  const dispatch = createInboxDispatcher({
    db: database.db,
    inbox,
    handlers: [onEvent(UserRegistered, async ({ tx }, e) => void (await tx.insert(effects).values({ userId: e.data.userId })))],
    publishInTx: (tx, trace) => outboxWriter(tx, outbox, 'registrations_consumer', trace),
    afterCommit: () => {},
    log: createLogger('silent'),
  });
  await bus.subscribe(group, [UserRegistered.key], dispatch);
  return {
    /** Handled user ids, one entry per effect row. */
    async effects(): Promise<string[]> {
      return (await database.query<{ user_id: string }>('SELECT user_id FROM registrations_consumer.effects ORDER BY user_id')).map(
        (r) => r.user_id,
      );
    },
  };
}
