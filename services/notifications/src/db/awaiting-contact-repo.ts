import type { DbOrTx } from '@bazar/kit/db/database';
import { eq, lt } from 'drizzle-orm';
import type { Notice } from '../domain/notice.ts';
import { awaitingContact } from './schema.ts';

/** Keeps a notice until the customer's e-mail is known; a repeat of the same event is a no-op. */
export async function parkNotice(db: DbOrTx, sourceEventId: string, notice: Notice, at: Date): Promise<void> {
  await db.insert(awaitingContact).values({ sourceEventId, userId: notice.userId, notice, createdAt: at }).onConflictDoNothing();
}

/** Removes and answers a customer's parked notices, oldest first. */
export async function takeParkedNotices(db: DbOrTx, userId: string): Promise<{ sourceEventId: string; notice: Notice }[]> {
  const rows = await db
    .delete(awaitingContact)
    .where(eq(awaitingContact.userId, userId))
    .returning({ sourceEventId: awaitingContact.sourceEventId, notice: awaitingContact.notice, createdAt: awaitingContact.createdAt });
  return rows
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((row) => ({ sourceEventId: row.sourceEventId, notice: row.notice as Notice }));
}

/** Drops notices parked before `before` (a customer whose e-mail never came); answers how many. */
export async function dropParkedBefore(db: DbOrTx, before: Date): Promise<number> {
  const rows = await db
    .delete(awaitingContact)
    .where(lt(awaitingContact.createdAt, before))
    .returning({ id: awaitingContact.sourceEventId });
  return rows.length;
}
