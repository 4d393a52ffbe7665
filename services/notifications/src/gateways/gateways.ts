import type { NotificationsConfig } from '../config.ts';
import type { Channel } from '../domain/notice.ts';
import type { Gateway } from './gateway.ts';
import { smsRuGateway } from './sms-ru-gateway.ts';
import { smtpGateway } from './smtp-gateway.ts';

export type Gateways = Partial<Record<Channel, Gateway>>;

/** The gateways the configuration names; a channel without one keeps its messages in the inbox only. */
export function gatewaysFrom(config: NotificationsConfig): Gateways {
  return {
    ...(config.SMS_GATEWAY_URL ? { sms: smsRuGateway({ baseUrl: config.SMS_GATEWAY_URL, apiId: config.SMS_GATEWAY_API_ID }) } : {}),
    ...(config.SMTP_URL ? { email: smtpGateway({ url: config.SMTP_URL, from: config.SMTP_FROM }) } : {}),
  };
}
