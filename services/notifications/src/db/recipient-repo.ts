import type { DbOrTx } from '@bazar/kit/db/database';
import { eq } from 'drizzle-orm';
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

export async function savePreferences(db: DbOrTx, userId: string, prefs: { sms: boolean; email: boolean }, at: Date) {
  await db
    .insert(recipients)
    .values({ userId, smsEnabled: prefs.sms, emailEnabled: prefs.email, updatedAt: at })
    .onConflictDoUpdate({ target: recipients.userId, set: { smsEnabled: prefs.sms, emailEnabled: prefs.email, updatedAt: at } });
}
