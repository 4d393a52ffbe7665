import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Static, TSchema } from 'typebox';
import type { EnvelopeHandler } from '../bus/bus.ts';
import type { TraceContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import { withDeferredWrites } from '../db/deferred-writes.ts';
import type { InboxTable } from '../db/platform-tables.ts';
import { perTable, reusableQuery } from '../db/reusable-query.ts';
import { eventLag } from '../metrics.ts';
import { inSpan, tracing } from '../tracing.ts';
import { commitCallbacks } from './commit-callbacks.ts';
import type { EventDefinition, EventEnvelope } from './event.ts';
import { type TxContext, trackingWrites } from './outbox.ts';

/** A service's reaction to another service's event, run inside one transaction with the inbox row. */
export interface EventHandler {
  /** Routing key it listens to (`<type>.v<version>`). */
  readonly key: string;
  /** Unique per service; the inbox dedupes on (event id, name). */
  readonly name: string;
  /**
   * The handler's effect is the same however often the event comes (an upsert that keeps the
   * newest value, a move that is a no-op once made): it runs without an inbox row.
   */
  readonly idempotent?: boolean;
  /**
   * For idempotent handlers: a cheap read, outside any transaction, that finds the event has
   * nothing left to do (the checkout's own answer usually marks an order paid before the event
   * arrives), sparing the transaction and its row lock.
   */
  readonly alreadyDone?: (envelope: EventEnvelope) => Promise<boolean>;
  handle(ctx: TxContext, envelope: EventEnvelope): Promise<void>;
}

const claimInbox = perTable('claim', (inbox: InboxTable, name) =>
  reusableQuery(name, (db) =>
    db
      .insert(inbox)
      .values({ eventId: sql.placeholder('eventId'), handler: sql.placeholder('handler') })
      .onConflictDoNothing()
      .returning({ eventId: inbox.eventId }),
  ),
);

/** Declares a handler for one event version (STYLE: events/on-<event>.ts). */
export function onEvent<S extends TSchema>(
  event: EventDefinition<S>,
  handle: (ctx: TxContext, envelope: EventEnvelope<Static<S>>) => Promise<void>,
  options: { name?: string; idempotent?: boolean; alreadyDone?: (envelope: EventEnvelope<Static<S>>) => Promise<boolean> } = {},
): EventHandler {
  const { alreadyDone } = options;
  if (alreadyDone && !options.idempotent) throw new Error(`handler for ${event.key}: alreadyDone needs idempotent: true`);
  return {
    key: event.key,
    name: options.name ?? `on.${event.key}`,
    idempotent: options.idempotent ?? false,
    ...(alreadyDone ? { alreadyDone: (envelope: EventEnvelope) => alreadyDone(envelope as EventEnvelope<Static<S>>) } : {}),
    handle: (ctx, envelope) => handle(ctx, envelope as EventEnvelope<Static<S>>),
  };
}

/**
 * Wraps a service's handlers for the bus: inbox check, handler and outbox writes share one
 * transaction, and the bus acks only after it commits. A duplicate delivery is a no-op (skipped
 * by the inbox, or harmless by the handler's own design when it is marked idempotent).
 */
export function createInboxDispatcher(options: {
  db: Db;
  inbox: InboxTable;
  handlers: EventHandler[];
  publishInTx: (tx: TxContext['tx'], trace: TraceContext) => TxContext['publish'];
  /** Called after a commit that wrote events (wakes the relay). */
  afterCommit: () => void;
  /** Also takes the handlers' failed after-commit callbacks. */
  log: Logger;
  /** The consuming service, named on its spans. */
  service?: string;
}): EnvelopeHandler {
  const byKey = new Map<string, EventHandler[]>();
  for (const handler of options.handlers) byKey.set(handler.key, [...(byKey.get(handler.key) ?? []), handler]);
  const consumer = options.service ?? 'consumer';
  const lag = eventLag.labels({ consumer });
  const dispatch = async (envelope: EventEnvelope, handlers: EventHandler[]) => {
    const trace = { correlationId: envelope.correlationId, causationId: envelope.id };
    for (const handler of handlers) {
      if (handler.alreadyDone && (await handler.alreadyDone(envelope))) continue;
      let writes: ReturnType<typeof trackingWrites> | undefined;
      const callbacks = commitCallbacks(options.log);
      const handled = await options.db.transaction(async (tx) => {
        if (!handler.idempotent) {
          const fresh = await claimInbox(options.inbox)(tx, { eventId: envelope.id, handler: handler.name });
          if (fresh.length === 0) return false;
        }
        const tracked = trackingWrites(options.publishInTx(tx, trace));
        writes = tracked;
        await withDeferredWrites(tx, () => handler.handle({ tx, publish: tracked.publish, afterCommit: callbacks.add }, envelope));
        return true;
      });
      // Waking the relay costs a query; only a handler that wrote to the outbox has anything for it.
      if (writes?.wrote()) options.afterCommit();
      callbacks.run();
      if (!handled) options.log.debug({ eventId: envelope.id, handler: handler.name }, 'duplicate event skipped');
    }
  };
  return (envelope) => {
    const handlers = byKey.get(`${envelope.type}.v${envelope.version}`) ?? [];
    const occurred = Date.parse(envelope.occurredAt);
    if (Number.isFinite(occurred)) lag.observe(Math.max(0, Date.now() - occurred) / 1000);
    if (!tracing().enabled) return dispatch(envelope, handlers);
    // The consumer's span continues the publisher's trace; events its handlers write continue it further.
    return inSpan(
      `${envelope.type} process`,
      {
        kind: 'consumer',
        parent: envelope.traceparent,
        attributes: { 'messaging.system': 'bazar', 'messaging.message.id': envelope.id, 'bazar.service': consumer },
      },
      () => dispatch(envelope, handlers),
    );
  };
}
