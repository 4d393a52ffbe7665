import { dueMessages } from '../db/message-repo.ts';
import type { NotificationsContext } from './context.ts';
import { sendMessage } from './send-message.ts';

/** Minute sweep behind the per-message jobs: sends whatever pending message is due (e.g. a job lost with its process). */
export async function resendDueMessages(ctx: NotificationsContext): Promise<number> {
  const now = ctx.deps.clock.now();
  // Only messages overdue by a while: a fresh one is its own job's.
  const due = await dueMessages(ctx.deps.db, new Date(now.getTime() - 30_000), 100);
  for (const { id } of due) await sendMessage(ctx, id);
  return due.length;
}
