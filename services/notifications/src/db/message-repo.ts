import type { DbOrTx } from '@bazar/kit/db/database';
import { and, desc, eq, isNull, lt, lte, or, type SQL } from 'drizzle-orm';
import type { MessageStatus } from '../domain/message-status.ts';
import { type MessageRow, messages } from './schema.ts';

export type NewMessage = Omit<MessageRow, 'attempts' | 'leaseUntil' | 'lastError' | 'gatewayId' | 'sentAt'>;

/** Inserts a message unless this event already has one on this channel; answers whether it did. */
export async function insertMessage(db: DbOrTx, message: NewMessage): Promise<boolean> {
  const inserted = await db.insert(messages).values(message).onConflictDoNothing().returning({ id: messages.id });
  return inserted.length > 0;
}

/** Takes a pending message for one send (a lease, so no other sender takes it meanwhile). */
export async function claimMessage(db: DbOrTx, id: string, now: Date, leaseUntil: Date): Promise<MessageRow | undefined> {
  const [row] = await db
    .update(messages)
    .set({ leaseUntil })
    .where(and(eq(messages.id, id), eq(messages.status, 'pending'), or(isNull(messages.leaseUntil), lt(messages.leaseUntil, now))))
    .returning();
  return row;
}

export async function updateMessage(db: DbOrTx, id: string, changes: Partial<MessageRow>): Promise<void> {
  await db.update(messages).set(changes).where(eq(messages.id, id));
}

export async function findMessage(db: DbOrTx, id: string): Promise<MessageRow | undefined> {
  const [row] = await db.select().from(messages).where(eq(messages.id, id));
  return row;
}

/** Pending messages whose next attempt is due (the sweep behind the per-message jobs). */
export async function dueMessages(db: DbOrTx, now: Date, limit: number): Promise<{ id: string }[]> {
  return db
    .select({ id: messages.id })
    .from(messages)
    .where(
      and(eq(messages.status, 'pending'), lte(messages.nextAttemptAt, now), or(isNull(messages.leaseUntil), lt(messages.leaseUntil, now))),
    )
    .limit(limit);
}

/** Newest first, keyset-paged by id (UUIDv7 ids follow creation time). */
export async function listMessageRows(
  db: DbOrTx,
  filter: { userId?: string; status?: MessageStatus; channel?: string; before?: string; limit: number },
): Promise<MessageRow[]> {
  const where: SQL[] = [];
  if (filter.userId) where.push(eq(messages.userId, filter.userId));
  if (filter.status) where.push(eq(messages.status, filter.status));
  if (filter.channel) where.push(eq(messages.channel, filter.channel));
  if (filter.before) where.push(lt(messages.id, filter.before));
  return db
    .select()
    .from(messages)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(messages.id))
    .limit(filter.limit + 1);
}
