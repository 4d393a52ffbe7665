import type { TxContext } from '@bazar/kit/events/outbox';
import { takeParkedNotices } from '../db/awaiting-contact-repo.ts';
import type { NotificationsContext } from './context.ts';
import { queueNotice } from './queue-notice.ts';

/** The customer's e-mail is now known: notices that waited for it are queued (their SMS, already queued, is not repeated). */
export async function releaseParkedNotices(ctx: NotificationsContext, txc: TxContext, userId: string): Promise<number> {
  const parked = await takeParkedNotices(txc.tx, userId);
  for (const { sourceEventId, notice } of parked) await queueNotice(ctx, txc, sourceEventId, notice);
  return parked.length;
}
