import { pgSchema } from 'drizzle-orm/pg-core';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { inboxTable, outboxTable } from '../db/platform-tables.ts';
import { createLogger } from '../log.ts';
import { openTestDatabase } from '../testing.ts';
import { defineEvent, envelope } from './event.ts';
import { createInboxDispatcher, onEvent } from './inbox.ts';
import { outboxWriter } from './outbox.ts';

const schema = pgSchema('inbox_test');
const inbox = inboxTable(schema);
const outbox = outboxTable(schema);
const Pinged = defineEvent('test.pinged', 1, Type.Object({ n: Type.Integer() }));

let database: Database;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ database, dispose } = await openTestDatabase());
  await database.exec(`CREATE SCHEMA inbox_test;
    CREATE TABLE inbox_test.inbox (event_id uuid NOT NULL, handler text NOT NULL, handled_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (event_id, handler));
    CREATE TABLE inbox_test.outbox (id uuid PRIMARY KEY, type text NOT NULL, envelope jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now(),
      attempts integer NOT NULL DEFAULT 0, lease_until timestamptz, published_at timestamptz, last_error text)`);
});
afterAll(() => dispose?.());

describe('inbox dispatcher', () => {
  it('runs a handler once per event, an idempotent one on every delivery without an inbox row, and wakes the relay only after events were written', async () => {
    const seen = { deduped: 0, idempotent: 0 };
    let kicks = 0;
    const dispatch = createInboxDispatcher({
      db: database.db,
      inbox,
      handlers: [
        onEvent(Pinged, async (txc, e) => {
          seen.deduped++;
          await txc.publish(Pinged.make({ n: e.data.n + 1 }));
        }),
        onEvent(
          Pinged,
          async () => {
            seen.idempotent++;
          },
          { name: 'count', idempotent: true },
        ),
      ],
      publishInTx: (tx, trace) => outboxWriter(tx, outbox, 'inbox_test', trace),
      afterCommit: () => kicks++,
      log: createLogger('silent'),
    });
    const event = envelope(Pinged.make({ n: 1 }), 'elsewhere');
    await dispatch(event);
    await dispatch(event);
    await dispatch(event);
    expect(seen).toEqual({ deduped: 1, idempotent: 3 });
    expect(kicks).toBe(1);
    const rows = await database.query<{ handler: string }>('SELECT handler FROM inbox_test.inbox WHERE event_id = $1', [event.id]);
    expect(rows.map((r) => r.handler)).toEqual(['on.test.pinged.v1']);
    const written = await database.query<{ type: string }>('SELECT type FROM inbox_test.outbox');
    expect(written).toEqual([{ type: 'test.pinged' }]);
  });

  it('skips an idempotent handler whose cheap check finds nothing left to do, and refuses that check on a deduped one', async () => {
    const ran: number[] = [];
    const dispatch = createInboxDispatcher({
      db: database.db,
      inbox,
      handlers: [
        onEvent(
          Pinged,
          async (_txc, e) => {
            ran.push(e.data.n);
          },
          { name: 'odd-only', idempotent: true, alreadyDone: async (e) => e.data.n % 2 === 0 },
        ),
      ],
      publishInTx: (tx, trace) => outboxWriter(tx, outbox, 'inbox_test', trace),
      afterCommit: () => {},
      log: createLogger('silent'),
    });
    for (const n of [1, 2, 3, 4]) await dispatch(envelope(Pinged.make({ n }), 'elsewhere'));
    expect(ran).toEqual([1, 3]);
    expect(() => onEvent(Pinged, async () => {}, { alreadyDone: async () => true })).toThrow(/idempotent/);
  });
});
