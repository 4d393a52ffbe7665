import { savePreferences } from '../db/recipient-repo.ts';
import type { Preferences } from '../domain/notice.ts';
import type { NotificationsContext } from './context.ts';

/** Turns channels on or off; events from now on honour it (messages already made are still sent). */
export async function setPreferences(ctx: NotificationsContext, userId: string, prefs: Preferences): Promise<Preferences> {
  await savePreferences(ctx.deps.db, userId, prefs, ctx.deps.clock.now());
  return prefs;
}
