import type { DbOrTx } from '@bazar/kit/db/database';
import { deferWrite } from '@bazar/kit/db/deferred-writes';
import { placeholderFor, placeholders, reusableQuery } from '@bazar/kit/db/reusable-query';
import { and, asc, eq, inArray, lt, notInArray, or, sql } from 'drizzle-orm';
import { checkouts } from './schema.ts';

export type CheckoutRow = typeof checkouts.$inferSelect;

// Either conflict (a live checkout of the cart, a key already used) inserts nothing and answers no
// row. The order's number is drawn here, in a statement the checkout sends anyway (docs/decisions/0024).
const insertCheckout = reusableQuery('orders.checkouts.insert', (db) =>
  db
    .insert(checkouts)
    .values(
      placeholders(
        'id',
        'customerId',
        'cartId',
        'orderId',
        'status',
        'step',
        'state',
        'idempotencyKey',
        'requestHash',
        'createdAt',
        'updatedAt',
      ),
    )
    .onConflictDoNothing()
    .returning({ orderSeq: sql<number>`nextval('orders.order_number_seq')`.mapWith(Number) }),
);

/** A checkout as it starts: running, with the request's Idempotency-Key and hash when it had one. */
export interface NewCheckout {
  id: string;
  customerId: string;
  cartId: string;
  orderId: string;
  state: unknown;
  idempotencyKey: string | null;
  requestHash: string | null;
  at: Date;
}

/**
 * Inserts a running checkout and draws its order's number; answers undefined, inserting nothing,
 * when the cart has a live checkout or the customer's key is held by one.
 */
export async function insertRunningCheckout(db: DbOrTx, checkout: NewCheckout): Promise<{ orderSeq: number } | undefined> {
  const { at, ...row } = checkout;
  const [inserted] = await insertCheckout(db, { ...row, status: 'running', step: 'started', createdAt: at, updatedAt: at });
  return inserted;
}

/** Checkouts that keep a new one from starting: the customer's live one under `idempotencyKey`, or a live one of the cart. */
export async function findConflictingCheckouts(
  db: DbOrTx,
  of: { customerId: string; cartId: string; idempotencyKey: string | undefined },
): Promise<CheckoutRow[]> {
  const sameKey =
    of.idempotencyKey === undefined
      ? undefined
      : and(
          eq(checkouts.customerId, of.customerId),
          eq(checkouts.idempotencyKey, of.idempotencyKey),
          notInArray(checkouts.status, ['compensated', 'compensation_failed']),
        );
  const liveCart = and(eq(checkouts.cartId, of.cartId), inArray(checkouts.status, ['running', 'completed']));
  return db.select().from(checkouts).where(or(sameKey, liveCart));
}

// A status, error or response left out (null) keeps the stored one.
const saveProgress = reusableQuery('orders.checkouts.progress', (db) =>
  db
    .update(checkouts)
    .set({
      step: placeholderFor<string>('step'),
      state: placeholderFor<unknown>('state'),
      updatedAt: placeholderFor<Date>('at'),
      status: sql`coalesce(${sql.placeholder('status')}, ${checkouts.status})`,
      error: sql`coalesce(${sql.placeholder('error')}::jsonb, ${checkouts.error})`,
      response: sql`coalesce(${sql.placeholder('response')}::jsonb, ${checkouts.response})`,
    })
    .where(eq(checkouts.id, sql.placeholder('id'))),
);

/** What a checkout's row records of its progress; `error` and `response` are JSON text. */
export interface CheckoutProgress {
  id: string;
  step: string;
  state: unknown;
  at: Date;
  status: string | null;
  error: string | null;
  response: string | null;
}

/**
 * Records a checkout's progress. Inside a unit of work it goes with the unit's other writes at its
 * end (the settle: one statement); elsewhere it runs at once.
 */
export const saveCheckoutProgress = (db: DbOrTx, progress: CheckoutProgress) => deferWrite(db, saveProgress.statement(db, { ...progress }));

const runningForOrder = reusableQuery('orders.checkouts.running_for_order', (db) =>
  db
    .select({ id: checkouts.id })
    .from(checkouts)
    .where(and(eq(checkouts.orderId, sql.placeholder('orderId')), eq(checkouts.status, 'running'))),
);

/** Whether a checkout still running will write this order (its payment may answer before it does). */
export const hasRunningCheckout = async (db: DbOrTx, orderId: string) => (await runningForOrder(db, { orderId })).length > 0;

/** Checkouts left running, compensating or failed to compensate since before `cutoff`, oldest first. */
export const findStuckCheckouts = (db: DbOrTx, cutoff: Date, limit: number): Promise<CheckoutRow[]> =>
  db
    .select()
    .from(checkouts)
    .where(and(inArray(checkouts.status, ['running', 'compensating', 'compensation_failed']), lt(checkouts.updatedAt, cutoff)))
    .orderBy(asc(checkouts.updatedAt))
    .limit(limit);
