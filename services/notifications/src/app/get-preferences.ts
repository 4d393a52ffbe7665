import { findRecipient } from '../db/recipient-repo.ts';
import type { Preferences } from '../domain/notice.ts';
import type { NotificationsContext } from './context.ts';

/** The customer's channels: both on until they turn one off. */
export async function getPreferences(ctx: NotificationsContext, userId: string): Promise<Preferences> {
  const row = await findRecipient(ctx.deps.db, userId);
  return { sms: row?.smsEnabled ?? true, email: row?.emailEnabled ?? true };
}
