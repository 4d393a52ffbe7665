import { decodeCursor, toPage } from '@bazar/kit/http/pagination';
import { listMessageRows } from '../db/message-repo.ts';
import type { MessageStatus } from '../domain/message-status.ts';
import type { NotificationsContext } from './context.ts';
import { messageAdminView } from './message-view.ts';

const isCursor = (v: unknown): v is { id: string } => typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string';

/** Every customer's messages for operators, newest first; `status=failed` is what needs them. */
export async function listMessages(ctx: NotificationsContext, query: { status?: MessageStatus; limit: number; cursor?: string }) {
  const after = decodeCursor(query.cursor, isCursor);
  const rows = await listMessageRows(ctx.deps.db, {
    limit: query.limit,
    ...(query.status ? { status: query.status } : {}),
    ...(after ? { before: after.id } : {}),
  });
  return toPage(rows, query.limit, messageAdminView, (row) => ({ id: row.id }));
}
