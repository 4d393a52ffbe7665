import { Timestamp, Uuid } from '@bazar/contracts/common';
import type { HttpApp } from '@bazar/kit/http/app';
import { type AuthUser, bearer } from '@bazar/kit/http/auth';
import { Page, PageQuery } from '@bazar/kit/http/pagination';
import { Type } from 'typebox';
import type { NotificationsContext } from '../app/context.ts';
import { getPreferences } from '../app/get-preferences.ts';
import { listMessages } from '../app/list-messages.ts';
import { listNotifications } from '../app/list-notifications.ts';
import { retryMessage } from '../app/retry-message.ts';
import { setPreferences } from '../app/set-preferences.ts';
import { MESSAGE_STATUSES } from '../domain/message-status.ts';

const problems = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, Type.Ref('Problem')]));
const tags = ['notifications'];
const userOf = (req: { user: AuthUser | null }): AuthUser => {
  if (!req.user) throw new Error('guarded route without user');
  return req.user;
};

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
const Preferences = Type.Object({ sms: Type.Boolean(), email: Type.Boolean() }, { additionalProperties: false });

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
      schema: { tags, summary: 'Which channels the signed-in user gets', ...bearer, response: { 200: Preferences, ...problems(401) } },
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
        ...bearer,
        body: Preferences,
        response: { 200: Preferences, ...problems(400, 401) },
      },
    },
    async (req) => setPreferences(ctx, userOf(req).id, req.body),
  );
}
