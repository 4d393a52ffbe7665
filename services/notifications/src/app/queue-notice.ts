import type { TxContext } from '@bazar/kit/events/outbox';
import { parkNotice } from '../db/awaiting-contact-repo.ts';
import { insertMessage } from '../db/message-repo.ts';
import { lockRecipient } from '../db/recipient-repo.ts';
import { formatMoment, formatMoney } from '../domain/format.ts';
import { channelsFor, type Notice, waitsForEmail } from '../domain/notice.ts';
import { normalizePhone } from '../domain/phone.ts';
import { asLocale, type Locale, render } from '../rendering/templates.ts';
import type { NotificationsContext } from './context.ts';
import { SEND_QUEUE } from './send-queue.ts';
import { sendSoon } from './send-soon.ts';

/**
 * Turns an event's notice into messages, in the handler's transaction: rendered for the customer's
 * locale on each channel they allow and have an address for, one per event and channel, each with
 * a send job that exists only if this commits and a send from this process once it has. A channel
 * without a gateway keeps the message as `stored`.
 */
export async function queueNotice(ctx: NotificationsContext, txc: TxContext, sourceEventId: string, notice: Notice): Promise<string[]> {
  const now = ctx.deps.clock.now();
  const recipient = await lockRecipient(txc.tx, notice.userId, now);
  const phone = normalizePhone(notice.phone ?? recipient.phone ?? '');
  const email = notice.email ?? recipient.email ?? null;
  const prefs = { sms: recipient.smsEnabled, email: recipient.emailEnabled };
  // The e-mail part waits for identity's event; the SMS goes now, and the repeat then adds only the e-mail.
  if (waitsForEmail(notice.template, prefs, email)) await parkNotice(txc.tx, sourceEventId, notice, now);
  const locale = asLocale(recipient.locale);
  const values = writeFacts(ctx, notice, locale, recipient.name);
  const queued: string[] = [];
  for (const channel of channelsFor(notice.template, prefs, { phone, email })) {
    const rendered = render(notice.template, channel, locale, values);
    const id = ctx.deps.ids.next();
    const hasGateway = !!ctx.gateways[channel];
    const inserted = await insertMessage(txc.tx, {
      id,
      userId: notice.userId,
      channel,
      template: notice.template,
      sourceEventId,
      recipient: (channel === 'sms' ? phone : email) as string,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      status: hasGateway ? 'pending' : 'stored',
      nextAttemptAt: hasGateway ? now : null,
      createdAt: now,
    });
    if (!inserted) continue;
    if (hasGateway) {
      await ctx.deps.jobs.send(SEND_QUEUE, { messageId: id }, { tx: txc.tx });
      txc.afterCommit(() => sendSoon(ctx, id));
    }
    queued.push(id);
  }
  return queued;
}

function writeFacts(ctx: NotificationsContext, notice: Notice, locale: Locale, name: string | null): Record<string, string> {
  const { facts } = notice;
  const values: Record<string, string> = {};
  const fallbackName = locale === 'en' ? 'customer' : 'покупатель';
  values.name = facts.name ?? name ?? fallbackName;
  if (facts.number) values.number = facts.number;
  if (facts.total) values.total = formatMoney(facts.total.amount, facts.total.currency, locale);
  if (facts.trackingNumber) {
    values.trackingNumber = facts.trackingNumber;
    values.trackingUrl = `${ctx.config.NOTIFY_PUBLIC_URL.replace(/\/$/, '')}/track/${facts.trackingNumber}`;
  }
  const soon = locale === 'en' ? 'today' : 'сегодня';
  values.eta = facts.eta ? formatMoment(facts.eta, locale, ctx.config.NOTIFY_TIME_ZONE) : soon;
  values.deliveryCode = facts.deliveryCode ?? '';
  if (facts.resetToken) {
    values.resetUrl = `${ctx.config.NOTIFY_PUBLIC_URL.replace(/\/$/, '')}/reset-password?token=${encodeURIComponent(facts.resetToken)}`;
    if (facts.resetExpiresAt) values.resetUntil = formatMoment(facts.resetExpiresAt, locale, ctx.config.NOTIFY_TIME_ZONE);
  }
  if (facts.reason) values.reason = facts.reason;
  else values.reason = '';
  if (facts.service) values.service = facts.service;
  if (facts.summary) values.summary = facts.summary;
  if (facts.hours !== undefined) values.hours = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'ru-RU').format(facts.hours);
  if (facts.materials) {
    values.materials =
      facts.materials.length > 0 ? facts.materials.map((m) => `${m.title} × ${m.quantity}`).join(', ') : locale === 'en' ? 'none' : 'нет';
  }
  if (facts.receipt) values.receipt = facts.receipt;
  return values;
}
