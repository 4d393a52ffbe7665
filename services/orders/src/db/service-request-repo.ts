import type { DbOrTx, Tx } from '@bazar/kit/db/database';
import { and, desc, eq, gte, lt, or, type SQL, sql } from 'drizzle-orm';
import type { ServiceQuote } from '../domain/service-quote.ts';
import { formatRequestNumber, type KitState, type ServiceRequest } from '../domain/service-request.ts';
import type { ServiceRequestStatus } from '../domain/service-request-status.ts';
import { serviceRequests } from './schema.ts';

type Row = typeof serviceRequests.$inferSelect;

/** Row → aggregate (a booked row: its quote is set). */
export const toServiceRequest = (row: Row): ServiceRequest => ({
  id: row.id,
  number: formatRequestNumber(row.numberSeq),
  customerId: row.customerId,
  typeId: row.typeId,
  typeName: row.typeName,
  skill: row.skill,
  status: row.status as ServiceRequestStatus,
  address: row.address,
  scheduledAt: row.scheduledAt,
  description: row.description,
  quote: row.quote as ServiceQuote,
  promoCode: row.promoCode,
  pointsUsed: row.pointsUsed,
  paymentId: row.paymentId,
  paymentStatus: row.paymentStatus as ServiceRequest['paymentStatus'],
  offeredTo: row.offeredTo,
  workerId: row.workerId,
  kitState: row.kitState as KitState,
  kitTaskIds: row.kitTaskIds,
  pickedTaskIds: row.pickedTaskIds,
  report: row.report,
  rating: row.rating,
  history: row.history,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

/** The booking's first write: the request's idempotency record. Answers the row already there for this key instead. */
export async function claimBooking(
  db: DbOrTx,
  row: Omit<typeof serviceRequests.$inferInsert, 'numberSeq'>,
): Promise<{ row: Row; created: boolean }> {
  const [inserted] = await db.insert(serviceRequests).values(row).onConflictDoNothing().returning();
  if (inserted) return { row: inserted, created: true };
  const [existing] = await db
    .select()
    .from(serviceRequests)
    .where(and(eq(serviceRequests.customerId, row.customerId), eq(serviceRequests.idempotencyKey, row.idempotencyKey)));
  if (!existing) throw new Error('orders: a booking conflicted but is not visible');
  return { row: existing, created: false };
}

/** Where a booking's saga ended: booked (with its price and payment) or failed (with why). */
export async function settleBooking(
  db: DbOrTx,
  id: string,
  outcome: { booked: ServiceRequest } | { failed: unknown; at: Date },
): Promise<void> {
  if ('booked' in outcome) {
    const r = outcome.booked;
    await db
      .update(serviceRequests)
      .set({ ...mutable(r), booking: 'booked', quote: r.quote, totalMinor: r.quote.total.amount, currency: r.quote.currency })
      .where(eq(serviceRequests.id, id));
  } else {
    await db
      .update(serviceRequests)
      .set({ booking: 'failed', bookingError: outcome.failed as object, updatedAt: outcome.at })
      .where(eq(serviceRequests.id, id));
  }
}

export async function findBookingRow(db: DbOrTx, id: string): Promise<Row | undefined> {
  const [row] = await db.select().from(serviceRequests).where(eq(serviceRequests.id, id));
  return row;
}

/** A booked request (a running or failed booking is nobody's request yet). */
export async function findServiceRequest(db: DbOrTx, id: string, lock = false): Promise<ServiceRequest | undefined> {
  const query = db
    .select()
    .from(serviceRequests)
    .where(and(eq(serviceRequests.id, id), eq(serviceRequests.booking, 'booked')));
  const [row] = lock ? await query.for('update') : await query;
  return row ? toServiceRequest(row) : undefined;
}

const mutable = (r: ServiceRequest) => ({
  status: r.status,
  paymentId: r.paymentId,
  paymentStatus: r.paymentStatus,
  offeredTo: r.offeredTo,
  workerId: r.workerId,
  kitState: r.kitState,
  kitTaskIds: r.kitTaskIds,
  pickedTaskIds: r.pickedTaskIds,
  report: r.report,
  rating: r.rating,
  history: r.history,
  capturedMinor: r.report?.amount.amount ?? null,
  completedAt: r.report ? new Date(r.report.completedAt) : null,
  updatedAt: r.updatedAt,
});

/** Writes the changing part of a request back. */
export async function saveServiceRequest(tx: Tx, r: ServiceRequest): Promise<void> {
  await tx.update(serviceRequests).set(mutable(r)).where(eq(serviceRequests.id, r.id));
}

/** Newest first, by id cursor; `who` narrows to a customer's own or a worker's offered and assigned. */
export async function listServiceRequests(
  db: DbOrTx,
  filter: { customerId?: string; workerId?: string; status?: string; before?: string; limit: number },
): Promise<ServiceRequest[]> {
  const where: (SQL | undefined)[] = [eq(serviceRequests.booking, 'booked')];
  if (filter.customerId) where.push(eq(serviceRequests.customerId, filter.customerId));
  if (filter.workerId) where.push(or(eq(serviceRequests.workerId, filter.workerId), eq(serviceRequests.offeredTo, filter.workerId)));
  if (filter.status) where.push(eq(serviceRequests.status, filter.status));
  if (filter.before) where.push(lt(serviceRequests.id, filter.before));
  const rows = await db
    .select()
    .from(serviceRequests)
    .where(and(...where))
    .orderBy(desc(serviceRequests.id))
    .limit(filter.limit);
  return rows.map(toServiceRequest);
}

/** Bookings still running since before `before`: a crash left them; recovery undoes them. */
export async function staleBookings(db: DbOrTx, before: Date, limit: number): Promise<Row[]> {
  return db
    .select()
    .from(serviceRequests)
    .where(and(eq(serviceRequests.booking, 'running'), lt(serviceRequests.updatedAt, before)))
    .limit(limit);
}

/** Captured amounts of a type's completed requests since `since`, in the store currency (each at its locked rate). */
export async function completedAmounts(db: DbOrTx, typeId: string, since: Date): Promise<number[]> {
  const rows = await db
    .select({ amount: sql<string>`round(${serviceRequests.capturedMinor} / (${serviceRequests.quote}->>'exchangeRate')::numeric)` })
    .from(serviceRequests)
    .where(and(eq(serviceRequests.typeId, typeId), eq(serviceRequests.status, 'completed'), gte(serviceRequests.completedAt, since)));
  return rows.map((r) => Number(r.amount));
}
