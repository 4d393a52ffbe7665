import type { NotificationsContext } from './context.ts';
import { sendMessage } from './send-message.ts';

/** Waits before each try: the handler's transaction commits after `queueNotice` returns. */
const TRIES_MS = [0, 25, 100, 400];

/**
 * The fast path: sends a just-queued message from this process right after its transaction
 * commits, instead of waiting for the job poller (seconds). The job stays the guarantee; the
 * send lease lets only one of them send.
 */
export function sendSoon(ctx: NotificationsContext, messageId: string): void {
  const attempt = (i: number) => {
    const delay = TRIES_MS[i];
    if (delay === undefined) return;
    setTimeout(() => {
      sendMessage(ctx, messageId).then(
        (status) => {
          // Not yet visible (the transaction is still open) or taken by the job: try a little later, then leave it to the job.
          if (status === 'not_pending') attempt(i + 1);
        },
        (error: unknown) => ctx.deps.log.warn({ err: error, messageId }, 'fast send failed; the job will send it'),
      );
    }, delay).unref();
  };
  attempt(0);
}
