import { Timestamp, Uuid } from '@bazar/contracts/common';
import type { HttpApp } from '@bazar/kit/http/app';
import { bearer, userOf } from '@bazar/kit/http/auth';
import { Page, PageQuery } from '@bazar/kit/http/pagination';
import { problems } from '@bazar/kit/http/problem';
import { Type } from 'typebox';
import type { NotificationsContext } from '../app/context.ts';
import { getPreferences } from '../app/get-preferences.ts';
import { listMessages } from '../app/list-messages.ts';
import { listNotifications } from '../app/list-notifications.ts';
import { retryMessage } from '../app/retry-message.ts';
import { setPreferences } from '../app/set-preferences.ts';
import { MESSAGE_STATUSES } from '../domain/message-status.ts';

const tags = ['notifications'];

const Channel = Type.Enum(['sms', 'email']);
const Status = Type.Enum([...MESSAGE_STATUSES]);
const MessageSchema = Type.Object(
  {
    id: Uuid,
    channel: Channel,
    event: Type.String(),
    subject: Type.Union([Type.String(), Type.Null()]),
    text: Type.String(),
    status: Status,
    attempts: Type.Integer(),
    sentAt: Type.Union([Timestamp, Type.Null()]),
    createdAt: Timestamp,
  },
  { $id: 'Notification' },
);
const AdminMessage = Type.Intersect([
  Type.Ref('Notification'),
  Type.Object({ userId: Uuid, recipient: Type.String(), lastError: Type.Union([Type.String(), Type.Null()]) }),
]);
const Preferences = Type.Object(
  { sms: Type.Boolean(), email: Type.Boolean() },
  { additionalProperties: false, examples: [{ sms: false, email: true }] },
);

/** Notifications routes of CONTRACT.md (plus the operator's view of failed sends), thin: parse → use case → reply. */
export function notificationRoutes(app: HttpApp, ctx: NotificationsContext) {
  const { auth } = ctx.deps;
  const staff = auth.roles('operator', 'admin');
  app.addSchema(MessageSchema);

  app.get(
    '/api/v1/notifications',
    {
      preHandler: auth.user,
      schema: {
        tags,
        summary: "The signed-in user's SMS and e-mails, newest first",
        description: 'Any signed-in user. Only their own messages, optionally filtered by channel; 401 without a token.',
        ...bearer,
        querystring: Type.Object({ channel: Type.Optional(Channel), ...PageQuery }),
        response: { 200: Page(Type.Ref('Notification')), ...problems(400, 401) },
      },
    },
    async (req) => listNotifications(ctx, userOf(req).id, req.query),
  );

  app.get(
    '/api/v1/notifications/messages',
    {
      preHandler: staff,
      schema: {
        tags,
        summary: "Every customer's messages for operators; `status=failed` lists the sends that gave up",
        description:
          'Operator or admin; other roles get 403. Every message with its recipient, attempts and last error, optionally filtered by status.',
        ...bearer,
        querystring: Type.Object({ status: Type.Optional(Status), ...PageQuery }),
        response: { 200: Page(AdminMessage), ...problems(400, 401, 403) },
      },
    },
    async (req) => listMessages(ctx, req.query),
  );

  app.post(
    '/api/v1/notifications/messages/:id/retry',
    {
      preHandler: staff,
      schema: {
        tags,
        summary: 'Send a failed message again',
        description:
          'Operator or admin. Puts a failed message back to pending with attempts from zero and queues the send; 404 for an unknown message, 409 if it has not failed.',
        ...bearer,
        params: Type.Object({ id: Uuid }),
        response: { 200: AdminMessage, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => retryMessage(ctx, req.params.id),
  );

  app.get(
    '/api/v1/me/notification-preferences',
    {
      preHandler: auth.user,
      schema: {
        tags,
        summary: 'Which channels the signed-in user gets',
        description: 'Any signed-in user. Their own SMS and e-mail switches.',
        ...bearer,
        response: { 200: Preferences, ...problems(401) },
      },
    },
    async (req) => getPreferences(ctx, userOf(req).id),
  );

  app.put(
    '/api/v1/me/notification-preferences',
    {
      preHandler: auth.user,
      schema: {
        tags,
        summary: 'Turn SMS and e-mail on or off',
        description: 'Any signed-in user, for themselves only. Both switches are required; 400 for a missing or unknown field.',
        ...bearer,
        body: Preferences,
        response: { 200: Preferences, ...problems(400, 401) },
      },
    },
    async (req) => setPreferences(ctx, userOf(req).id, req.body),
  );
}
