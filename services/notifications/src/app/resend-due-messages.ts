import { dueMessages } from '../db/message-repo.ts';
import type { NotificationsContext } from './context.ts';
import { sendMessage } from './send-message.ts';

/** The sweep behind the per-message jobs: sends whatever pending message is due (e.g. a job lost with its process). */
export async function resendDueMessages(ctx: NotificationsContext): Promise<number> {
  const now = ctx.deps.clock.now();
  // Only messages overdue by a while (half a sweep, at most 30 s): a fresh one is its own job's.
  const overdueMs = Math.min(30_000, (ctx.config.NOTIFY_SWEEP_SECONDS * 1000) / 2);
  const due = await dueMessages(ctx.deps.db, new Date(now.getTime() - overdueMs), 100);
  for (const { id } of due) await sendMessage(ctx, id);
  return due.length;
}
