import type { DbOrTx } from '@bazar/kit/db/database';
import { and, asc, eq, lte } from 'drizzle-orm';
import type { OfferStatus } from '../domain/offer-status.ts';
import { offers, requests } from './schema.ts';

export type RequestRow = typeof requests.$inferSelect;
export type OfferRow = typeof offers.$inferSelect;

/** Records a booked request once (the new row is this transaction's until it commits); undefined when it was already known. */
export async function insertRequest(tx: DbOrTx, request: typeof requests.$inferInsert): Promise<RequestRow | undefined> {
  const [row] = await tx.insert(requests).values(request).onConflictDoNothing().returning();
  return row;
}

/** The request row, locked: matching, answers and closing of one request take turns on it. */
export async function lockRequest(tx: DbOrTx, requestId: string): Promise<RequestRow | undefined> {
  const [row] = await tx.select().from(requests).where(eq(requests.requestId, requestId)).for('update');
  return row;
}

export async function setRequest(
  tx: DbOrTx,
  requestId: string,
  changes: Partial<Pick<RequestRow, 'status' | 'workerId' | 'tried'>>,
  at: Date,
): Promise<void> {
  await tx
    .update(requests)
    .set({ ...changes, updatedAt: at })
    .where(eq(requests.requestId, requestId));
}

export async function insertOffer(tx: DbOrTx, offer: OfferRow): Promise<void> {
  await tx.insert(offers).values(offer);
}

export async function openOfferOf(tx: DbOrTx, requestId: string): Promise<OfferRow | undefined> {
  const [row] = await tx
    .select()
    .from(offers)
    .where(and(eq(offers.requestId, requestId), eq(offers.status, 'open')));
  return row;
}

export async function closeOffer(tx: DbOrTx, id: string, status: Exclude<OfferStatus, 'open'>, at: Date) {
  await tx
    .update(offers)
    .set({ status, answeredAt: at })
    .where(and(eq(offers.id, id), eq(offers.status, 'open')));
}

/** Requests whose open offer ran out by `now`, oldest first. */
export async function lapsedOfferRequests(db: DbOrTx, now: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ requestId: offers.requestId })
    .from(offers)
    .where(and(eq(offers.status, 'open'), lte(offers.expiresAt, now)))
    .orderBy(asc(offers.expiresAt))
    .limit(limit);
  return rows.map((r) => r.requestId);
}

/** Requests still looking for a worker (nobody was free when last tried), least recently tried first. */
export async function waitingRequests(db: DbOrTx, limit: number): Promise<string[]> {
  const rows = await db
    .select({ requestId: requests.requestId })
    .from(requests)
    .where(eq(requests.status, 'matching'))
    .orderBy(asc(requests.updatedAt))
    .limit(limit);
  return rows.map((r) => r.requestId);
}

export async function currentOfferOf(db: DbOrTx, workerId: string): Promise<OfferRow | undefined> {
  const [row] = await db
    .select()
    .from(offers)
    .where(and(eq(offers.workerId, workerId), eq(offers.status, 'open')));
  return row;
}
