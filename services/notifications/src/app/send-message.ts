import { claimMessage, updateMessage } from '../db/message-repo.ts';
import { messageMachine } from '../domain/message-status.ts';
import type { Channel } from '../domain/notice.ts';
import { isExhausted, retryDelaySeconds } from '../domain/retry.ts';
import { PermanentSendError } from '../gateways/gateway.ts';
import type { NotificationsContext } from './context.ts';
import { SEND_QUEUE } from './send-queue.ts';

/**
 * Sends one pending message through its channel's gateway, outside any transaction. Accepted →
 * `sent`. Refused or unreachable → retried with backoff (a new job for the next attempt), until
 * the attempts run out or the refusal is permanent → `failed`, for an operator. Answers the status.
 */
export async function sendMessage(ctx: NotificationsContext, messageId: string): Promise<string> {
  const { clock, db, log } = ctx.deps;
  const now = clock.now();
  // The lease: how long this send holds the message before another sender may take it.
  const message = await claimMessage(db, messageId, now, new Date(now.getTime() + ctx.config.NOTIFY_SEND_LEASE_SECONDS * 1000));
  if (!message) return 'not_pending';
  const gateway = ctx.gateways[message.channel as Channel];
  if (!gateway) throw new Error(`no gateway for ${message.channel}; the message should have been stored`);
  try {
    const gatewayId = await gateway.send({
      id: message.id,
      to: message.recipient,
      subject: message.subject,
      text: message.text,
      html: message.html,
    });
    messageMachine.assert('pending', 'sent');
    await updateMessage(db, message.id, {
      status: 'sent',
      sentAt: clock.now(),
      gatewayId,
      attempts: message.attempts + 1,
      leaseUntil: null,
      lastError: null,
    });
    return 'sent';
  } catch (error) {
    const attempts = message.attempts + 1;
    const lastError = error instanceof Error ? error.message : String(error);
    if (error instanceof PermanentSendError || isExhausted(attempts, ctx.config.NOTIFY_MAX_ATTEMPTS)) {
      messageMachine.assert('pending', 'failed');
      await updateMessage(db, message.id, { status: 'failed', attempts, lastError, leaseUntil: null, nextAttemptAt: null });
      log.warn({ messageId, attempts, err: error }, 'a notification failed for good; an operator may send it again');
      return 'failed';
    }
    const delay = retryDelaySeconds(attempts, ctx.config.NOTIFY_RETRY_BASE_SECONDS);
    const nextAttemptAt = new Date(clock.now().getTime() + delay * 1000);
    await updateMessage(db, message.id, { attempts, lastError, leaseUntil: null, nextAttemptAt });
    await ctx.deps.jobs.send(SEND_QUEUE, { messageId }, { startAfterSeconds: delay });
    return 'retrying';
  }
}
