import { dropParkedBefore } from '../db/awaiting-contact-repo.ts';
import type { NotificationsContext } from './context.ts';

/** Notices whose customer's e-mail never came within the window are dropped (their SMS went out). */
export async function forgetParkedNotices(ctx: NotificationsContext): Promise<number> {
  const before = new Date(ctx.deps.clock.now().getTime() - ctx.config.NOTIFY_PARKED_DAYS * 86_400_000);
  return dropParkedBefore(ctx.deps.db, before);
}
