import type { DbOrTx } from '@bazar/kit/db/database';
import { eq, sql } from 'drizzle-orm';
import { type RecipientRow, recipients } from './schema.ts';

/** Records what an event told about a person; fields it did not carry stay as they were. */
export async function upsertContact(
  db: DbOrTx,
  contact: { userId: string; name?: string; email?: string; phone?: string },
  at: Date,
): Promise<void> {
  const known = Object.fromEntries(Object.entries(contact).filter(([key, v]) => key !== 'userId' && v !== undefined));
  await db
    .insert(recipients)
    .values({ ...contact, updatedAt: at })
    .onConflictDoUpdate({ target: recipients.userId, set: { ...known, updatedAt: at } });
}

export async function findRecipient(db: DbOrTx, userId: string): Promise<RecipientRow | undefined> {
  const [row] = await db.select().from(recipients).where(eq(recipients.userId, userId));
  return row;
}

/**
 * The customer's contact row, locked for this transaction (made empty if there is none yet): a
 * concurrent event that records their e-mail then waits for this one, and this one reads the
 * latest committed e-mail, so a notice never misses an address arriving at the same moment.
 */
export async function lockRecipient(db: DbOrTx, userId: string, at: Date): Promise<RecipientRow> {
  const [row] = await db
    .insert(recipients)
    .values({ userId, updatedAt: at })
    .onConflictDoUpdate({ target: recipients.userId, set: { updatedAt: sql`"recipients"."updated_at"` } })
    .returning();
  if (!row) throw new Error(`no recipient row for ${userId}`);
  return row;
}

export async function savePreferences(db: DbOrTx, userId: string, prefs: { sms: boolean; email: boolean }, at: Date) {
  await db
    .insert(recipients)
    .values({ userId, smsEnabled: prefs.sms, emailEnabled: prefs.email, updatedAt: at })
    .onConflictDoUpdate({ target: recipients.userId, set: { smsEnabled: prefs.sms, emailEnabled: prefs.email, updatedAt: at } });
}
