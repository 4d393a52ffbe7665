import { decodeCursor, toPage } from '@bazar/kit/http/pagination';
import { listMessageRows } from '../db/message-repo.ts';
import type { NotificationsContext } from './context.ts';
import { messageView } from './message-view.ts';

const isCursor = (v: unknown): v is { id: string } => typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string';

/** The signed-in user's own messages, newest first. */
export async function listNotifications(
  ctx: NotificationsContext,
  userId: string,
  query: { channel?: string; limit: number; cursor?: string },
) {
  const after = decodeCursor(query.cursor, isCursor);
  const rows = await listMessageRows(ctx.deps.db, {
    userId,
    limit: query.limit,
    ...(query.channel ? { channel: query.channel } : {}),
    ...(after ? { before: after.id } : {}),
  });
  return toPage(rows, query.limit, messageView, (row) => ({ id: row.id }));
}
