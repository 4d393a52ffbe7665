import { readEnv } from '@bazar/kit/config';
import { type Static, Type } from 'typebox';

export const NotificationsConfigSchema = Type.Object({
  SMTP_URL: Type.Optional(
    Type.String({ description: 'SMTP server for e-mail (`smtp://user:pass@host:587`); without it e-mails are kept in the inbox only' }),
  ),
  SMTP_FROM: Type.String({ default: 'Bazar <no-reply@bazar.local>', description: 'Sender of e-mails' }),
  SMS_GATEWAY_URL: Type.Optional(
    Type.String({ description: 'SMS gateway (SMS.ru HTTP protocol: `POST /sms/send`); without it SMS are kept in the inbox only' }),
  ),
  SMS_GATEWAY_API_ID: Type.String({ default: 'bazar-dev', description: 'API key the SMS gateway expects (`api_id`)' }),
  NOTIFY_MAX_ATTEMPTS: Type.Integer({
    default: 8,
    minimum: 1,
    description: 'Sends of a message before it is marked failed for an operator',
  }),
  NOTIFY_RETRY_BASE_SECONDS: Type.Integer({
    default: 5,
    minimum: 1,
    description: 'Wait before the first retry of a failed send; doubles with each failure, at most an hour',
  }),
  NOTIFY_TIME_ZONE: Type.String({ default: 'Europe/Moscow', description: 'Time zone of times written in messages' }),
  NOTIFY_PUBLIC_URL: Type.String({ default: 'http://127.0.0.1:3000', description: 'Address of the shop in links (tracking pages)' }),
  NOTIFY_SEND_LEASE_SECONDS: Type.Integer({
    default: 60,
    minimum: 1,
    description: 'How long one send holds a message; a process that died sending it is taken over after this',
  }),
  NOTIFY_SWEEP_SECONDS: Type.Integer({
    default: 60,
    minimum: 1,
    description: 'How often pending messages whose job was lost (with its process) are looked for and sent',
  }),
  NOTIFY_PARKED_DAYS: Type.Integer({
    default: 7,
    minimum: 1,
    description: "Days a notice waits for the customer's e-mail (an order event handled before the registration) before it is dropped",
  }),
});
export type NotificationsConfig = Static<typeof NotificationsConfigSchema>;

export const readNotificationsConfig = (env: Record<string, string | undefined>) => readEnv(NotificationsConfigSchema, env);
