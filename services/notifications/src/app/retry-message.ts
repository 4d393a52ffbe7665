import { DomainError } from '@bazar/kit/errors';
import { findMessage, updateMessage } from '../db/message-repo.ts';
import { type MessageStatus, messageMachine } from '../domain/message-status.ts';
import type { NotificationsContext } from './context.ts';
import { messageAdminView } from './message-view.ts';
import { SEND_QUEUE } from './send-queue.ts';
import { sendSoon } from './send-soon.ts';

/** An operator sends a failed message again (after fixing the gateway or the address): back to pending, attempts from zero. */
export async function retryMessage(ctx: NotificationsContext, messageId: string) {
  const message = await findMessage(ctx.deps.db, messageId);
  if (!message) throw new DomainError('notifications.message_not_found', 404, `No message ${messageId}`);
  messageMachine.assert(message.status as MessageStatus, 'pending');
  const now = ctx.deps.clock.now();
  await updateMessage(ctx.deps.db, messageId, { status: 'pending', attempts: 0, nextAttemptAt: now, leaseUntil: null });
  await ctx.deps.jobs.send(SEND_QUEUE, { messageId });
  // Both writes are committed (no transaction here): the fast send may start at once.
  void sendSoon(ctx, messageId);
  return messageAdminView({ ...message, status: 'pending', attempts: 0, nextAttemptAt: now, leaseUntil: null });
}
