import { pgSchema } from 'drizzle-orm/pg-core';
import pino from 'pino';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { inboxTable, outboxTable } from '../db/platform-tables.ts';
import { createLogger } from '../log.ts';
import { openTestDatabase } from '../testing.ts';
import { defineEvent, envelope } from './event.ts';
import { createInboxDispatcher, onEvent } from './inbox.ts';
import { createUnitOfWork, outboxWriter, type TxContext } from './outbox.ts';

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
      attempts integer NOT NULL DEFAULT 0, lease_until timestamptz, published_at timestamptz, last_error text);
    CREATE TABLE inbox_test.notes (n integer PRIMARY KEY)`);
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

/** A logger that keeps its lines. */
function recordingLog() {
  const lines: { msg: string; err?: { message: string } }[] = [];
  const log = pino({ level: 'error' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { log, lines };
}

/** Writes note `n` in the transaction and, after its commit, reads it back from the pool into `seen`. */
async function noteWithReadBack({ tx, afterCommit }: TxContext, n: number, seen: Promise<number>[]) {
  await tx.execute(`INSERT INTO inbox_test.notes (n) VALUES (${n})`);
  afterCommit(() => {
    seen.push(
      database
        .query<{ count: number }>('SELECT count(*)::int AS count FROM inbox_test.notes WHERE n = $1', [n])
        .then((r) => r[0]?.count ?? 0),
    );
  });
}

describe('after-commit callbacks of a unit of work', () => {
  it('run once after the commit, when the rows are visible to other connections', async () => {
    const uow = createUnitOfWork(database.db, outbox, 'inbox_test', () => {}, recordingLog().log);
    const seen: Promise<number>[] = [];
    const answer = await uow(async (txc) => {
      await noteWithReadBack(txc, 1, seen);
      expect(seen).toEqual([]);
      return 'done';
    });
    expect(answer).toBe('done');
    expect(await Promise.all(seen)).toEqual([1]);
  });

  it('never run when the transaction rolls back', async () => {
    const uow = createUnitOfWork(database.db, outbox, 'inbox_test', () => {}, recordingLog().log);
    const seen: Promise<number>[] = [];
    await expect(
      uow(async (txc) => {
        await noteWithReadBack(txc, 2, seen);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual([]);
  });

  it('log a callback that throws, and the unit of work still answers what it committed', async () => {
    const { log, lines } = recordingLog();
    const uow = createUnitOfWork(database.db, outbox, 'inbox_test', () => {}, log);
    const seen: Promise<number>[] = [];
    const answer = await uow(async (txc) => {
      txc.afterCommit(() => {
        throw new Error('gateway down');
      });
      await noteWithReadBack(txc, 3, seen);
      return 3;
    });
    expect(answer).toBe(3);
    expect(await Promise.all(seen)).toEqual([1]);
    expect(lines.map((l) => l.err?.message)).toEqual(['gateway down']);
  });
});

describe('after-commit callbacks of an event handler', () => {
  it('run once per handled event, never for a duplicate or a handler that failed, and a throwing one leaves the event handled', async () => {
    const { log, lines } = recordingLog();
    const seen: Promise<number>[] = [];
    const dispatch = createInboxDispatcher({
      db: database.db,
      inbox,
      handlers: [
        onEvent(Pinged, async (txc, e) => {
          await noteWithReadBack(txc, e.data.n, seen);
          if (e.data.n === 11) throw new Error('handler failed');
          if (e.data.n === 12)
            txc.afterCommit(() => {
              throw new Error('callback failed');
            });
        }),
      ],
      publishInTx: (tx, trace) => outboxWriter(tx, outbox, 'inbox_test', trace),
      afterCommit: () => {},
      log,
    });
    const first = envelope(Pinged.make({ n: 10 }), 'elsewhere');
    await dispatch(first);
    await dispatch(first);
    const failing = envelope(Pinged.make({ n: 11 }), 'elsewhere');
    await expect(dispatch(failing)).rejects.toThrow('handler failed');
    const throwing = envelope(Pinged.make({ n: 12 }), 'elsewhere');
    await dispatch(throwing);
    expect(await Promise.all(seen)).toEqual([1, 1]);
    expect(lines.map((l) => l.err?.message)).toEqual(['callback failed']);
    const handled = await database.query<{ event_id: string }>(
      'SELECT event_id FROM inbox_test.inbox WHERE event_id = ANY($1::uuid[]) ORDER BY event_id',
      [[first.id, failing.id, throwing.id]],
    );
    expect(handled.map((r) => r.event_id)).toEqual([first.id, throwing.id]);
  });
});
