import type { MessageRow } from '../db/schema.ts';

/** A message as the API shows it (CONTRACT: `{channel, event, text, status, sentAt}`). */
export const messageView = (m: MessageRow) => ({
  id: m.id,
  channel: m.channel as 'sms' | 'email',
  event: m.template,
  subject: m.subject,
  text: m.text,
  status: m.status as 'pending' | 'sent' | 'failed' | 'stored',
  attempts: m.attempts,
  sentAt: m.sentAt?.toISOString() ?? null,
  createdAt: m.createdAt.toISOString(),
});

/** For operators: also to whom, and why the last send failed. */
export const messageAdminView = (m: MessageRow) => ({
  ...messageView(m),
  userId: m.userId,
  recipient: m.recipient,
  lastError: m.lastError,
});
