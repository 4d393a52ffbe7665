import type { NotificationsContext } from './context.ts';
import { sendMessage } from './send-message.ts';

/**
 * The fast path, called once the transaction that queued the message has committed: sends it from
 * this process at once instead of waiting for the job poller (seconds). The job stays the
 * guarantee; the send lease lets only one of them send, so a message the job took first is left to it.
 */
export async function sendSoon(ctx: NotificationsContext, messageId: string): Promise<void> {
  try {
    await sendMessage(ctx, messageId);
  } catch (error) {
    ctx.deps.log.warn({ err: error, messageId }, 'fast send failed; the job will send it');
  }
}
