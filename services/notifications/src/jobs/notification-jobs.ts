import type { JobDefinition } from '@bazar/kit/jobs';
import type { NotificationsContext } from '../app/context.ts';
import { forgetParkedNotices } from '../app/forget-parked-notices.ts';
import { resendDueMessages } from '../app/resend-due-messages.ts';
import { sendMessage } from '../app/send-message.ts';
import { SEND_QUEUE } from '../app/send-queue.ts';

/** One job per message send (retries enqueue the next), and the sweep behind them. */
export function notificationJobs(ctx: NotificationsContext): JobDefinition[] {
  return [
    {
      queue: SEND_QUEUE,
      handler: async (data) => {
        if (typeof data.messageId !== 'string') throw new Error('send job without messageId');
        await sendMessage(ctx, data.messageId);
      },
    },
    {
      queue: 'notifications.resend_due_messages',
      everySeconds: ctx.config.NOTIFY_SWEEP_SECONDS,
      handler: async () => void (await resendDueMessages(ctx)),
    },
    {
      queue: 'notifications.forget_parked_notices',
      cron: '17 3 * * *',
      handler: async () => void (await forgetParkedNotices(ctx)),
    },
  ];
}
