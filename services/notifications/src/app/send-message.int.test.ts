import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService, waitFor } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmsGateway } from '../../../../test/fakes/sms-gateway.ts';
import { startSmtpSink } from '../../../../test/fakes/smtp-sink.ts';
import { publishOrder, publishReturn, publishShipment, registerCustomer } from '../../test/helpers.ts';
import notifications from '../index.ts';

let t: TestService;
let sms: Awaited<ReturnType<typeof startSmsGateway>>;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  sms = await startSmsGateway({ apiId: 'test-key' });
  smtp = await startSmtpSink();
  t = await startTestService(notifications, {
    env: {
      SMS_GATEWAY_URL: sms.url,
      SMS_GATEWAY_API_ID: 'test-key',
      SMTP_URL: smtp.url,
      NOTIFY_RETRY_BASE_SECONDS: '1',
      NOTIFY_MAX_ATTEMPTS: '3',
    },
  });
});
afterAll(async () => {
  await t?.close();
  await sms?.close();
  await smtp?.close();
});

const statusesOf = async (userId: string) =>
  t.database.query<{ channel: string; status: string; template: string; attempts: number }>(
    'SELECT channel, status, template, attempts FROM notifications.messages WHERE user_id = $1 ORDER BY id',
    [userId],
  );
const smsTo = (digits: string) => sms.received.filter((m) => m.to === digits);
const mailTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));

describe('sending through the gateways', () => {
  it('sends a welcome e-mail with text and HTML parts through SMTP', async () => {
    const { userId, email } = await registerCustomer(t);
    await waitFor(() => mailTo(email).length === 1, 15_000, 'the welcome e-mail');
    const mail = mailTo(email)[0];
    expect(mail?.raw).toMatch(/multipart\/alternative/);
    expect(mail?.raw).toMatch(/text\/plain/);
    expect(mail?.raw).toMatch(/text\/html/);
    expect(mail?.from).toBe('no-reply@bazar.local');
    await waitFor(async () => (await statusesOf(userId)).every((m) => m.status === 'sent'));
    expect(mail?.messageId).toContain('@bazar>');
  });

  it('tells a paid order by SMS and e-mail exactly once, though the event arrives twice', async () => {
    const phone = `+7 900 ${String(Date.now()).slice(-7)}`;
    const digits = `7900${String(Date.now()).slice(-7)}`;
    const { userId, email } = await registerCustomer(t);
    const event = await publishOrder(t, 'paid', userId, { phone });
    await t.bus.publish(event);
    await waitFor(() => smsTo(digits).length === 1 && mailTo(email).length === 2, 15_000, 'the paid order messages');
    expect(smsTo(digits)[0]?.msg).toBe('Bazar: заказ B-000042 оплачен, 1 299,00 ₽. Сообщим, когда передадим его курьеру.');
    expect(smsTo(digits)[0]?.apiId).toBe('test-key');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smsTo(digits)).toHaveLength(1);
    expect((await statusesOf(userId)).map((m) => [m.template, m.channel, m.status])).toEqual([
      ['welcome', 'email', 'sent'],
      ['order.paid', 'sms', 'sent'],
      ['order.paid', 'email', 'sent'],
    ]);
  });

  it('says "передан курьеру" on pickup, to the phone of the order', async () => {
    const { userId } = await registerCustomer(t);
    await publishOrder(t, 'packed', userId, { phone: '+7 911 000-11-22' });
    await publishShipment(t, 'picked_up', userId);
    await waitFor(() => smsTo('79110001122').length === 1, 15_000, 'the pickup SMS');
    expect(smsTo('79110001122')[0]?.msg).toContain('передан курьеру');
    expect(smsTo('79110001122')[0]?.msg).toContain('BZ0000000000000001');
  });

  it('retries a gateway that answers 5xx and sends once when it is back', async () => {
    const { userId } = await registerCustomer(t);
    sms.failNext(2);
    await publishOrder(t, 'delivered', userId, { phone: '+7 922 000-11-22' });
    await waitFor(() => smsTo('79220001122').length === 1, 20_000, 'the SMS after two 503s');
    // The gateway holds the SMS before its answer is recorded.
    await waitFor(async () => (await statusesOf(userId)).some((m) => m.channel === 'sms' && m.status === 'sent'), 5_000, 'sent');
    const [smsRow] = (await statusesOf(userId)).filter((m) => m.channel === 'sms');
    expect(smsRow).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it('marks a message failed after the last attempt, shows it to an operator, who sends it again', async () => {
    const { userId } = await registerCustomer(t);
    sms.failNext(3);
    await publishOrder(t, 'cancelled', userId, { phone: '+7 933 000-11-22' });
    await waitFor(async () => (await statusesOf(userId)).some((m) => m.channel === 'sms' && m.status === 'failed'), 20_000, 'failed');
    const operator = { authorization: `Bearer ${await t.tokens.issue({ roles: ['operator'] })}` };
    const failed = await t.app.inject({ method: 'GET', url: '/api/v1/notifications/messages?status=failed', headers: operator });
    const mine = (failed.json().items as { id: string; userId: string; lastError: string; attempts: number }[]).find(
      (m) => m.userId === userId,
    );
    expect(mine).toMatchObject({ attempts: 3 });
    expect(mine?.lastError).toContain('503');
    const retried = await t.app.inject({ method: 'POST', url: `/api/v1/notifications/messages/${mine?.id}/retry`, headers: operator });
    expect(retried.json()).toMatchObject({ status: 'pending' });
    await waitFor(() => smsTo('79330001122').length === 1, 15_000, 'the retried SMS');
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/notifications/messages/${mine?.id}/retry`, headers: operator });
    expect(again.statusCode).toBe(409);
  });

  it('gives up at once on a number the gateway refuses', async () => {
    const { userId } = await registerCustomer(t);
    sms.refuse('79440001122');
    await publishOrder(t, 'paid', userId, { phone: '+7 944 000-11-22' });
    await waitFor(async () => (await statusesOf(userId)).some((m) => m.channel === 'sms' && m.status === 'failed'), 15_000, 'failed');
    expect((await statusesOf(userId)).find((m) => m.channel === 'sms')).toMatchObject({ attempts: 1 });
  });

  it('honours the preferences: SMS off sends only the e-mail', async () => {
    const { userId, email } = await registerCustomer(t);
    const headers = { authorization: `Bearer ${await t.tokens.issue({ id: userId, roles: ['customer'] })}` };
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/notification-preferences',
      headers,
      payload: { sms: false, email: true },
    });
    expect(put.json()).toEqual({ sms: false, email: true });
    await publishOrder(t, 'paid', userId, { phone: '+7 955 000-11-22' });
    await waitFor(() => mailTo(email).length === 2, 15_000, 'the e-mail');
    expect(smsTo('79550001122')).toHaveLength(0);
    expect((await statusesOf(userId)).map((m) => m.channel)).toEqual(['email', 'email']);
  });

  it('keeps the e-mail of an order paid before the registration is heard of, and sends it once the address arrives', async () => {
    const userId = newId();
    await publishOrder(t, 'paid', userId, { phone: '+7 966 000-11-22' });
    await waitFor(() => smsTo('79660001122').length === 1, 15_000, 'the SMS, which needs no e-mail');
    const parked = await t.database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM notifications.awaiting_contact WHERE user_id = $1',
      [userId],
    );
    expect(parked[0]?.n).toBe(1);
    const { email } = await registerCustomer(t, userId);
    await waitFor(() => mailTo(email).length === 2, 15_000, 'the welcome and the paid e-mail');
    expect(mailTo(email).some((m) => m.text.includes('B-000042'))).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(smsTo('79660001122')).toHaveLength(1);
    expect((await statusesOf(userId)).map((m) => [m.template, m.channel]).sort()).toEqual([
      ['order.paid', 'email'],
      ['order.paid', 'sms'],
      ['welcome', 'email'],
    ]);
    const left = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM notifications.awaiting_contact WHERE user_id = $1', [
      userId,
    ]);
    expect(left[0]?.n).toBe(0);
  });
});

describe('the routes', () => {
  it('lists only the signed-in user’s messages, newest first, with the contract fields', async () => {
    const { userId } = await registerCustomer(t);
    await publishOrder(t, 'paid', userId);
    const headers = { authorization: `Bearer ${await t.tokens.issue({ id: userId, roles: ['customer'] })}` };
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { channel: string; event: string; text: string; status: string; sentAt: string | null }[];
    expect(items.map((m) => [m.event, m.channel])).toEqual([
      ['order.paid', 'email'],
      ['order.paid', 'sms'],
      ['welcome', 'email'],
    ]);
    for (const m of items) expect(Object.keys(m)).toEqual(expect.arrayContaining(['channel', 'event', 'text', 'status', 'sentAt']));
    const stranger = { authorization: `Bearer ${await t.tokens.issue({ id: newId(), roles: ['customer'] })}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: stranger })).json().items).toEqual([]);
  });

  it('refuses anonymous callers (401), customers on the operator view (403) and bad preferences (400)', async () => {
    const customer = { authorization: `Bearer ${await t.tokens.issue({ roles: ['customer'] })}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'PUT', url: '/api/v1/me/notification-preferences', payload: { sms: true, email: true } })).statusCode,
    ).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/notifications/messages', headers: customer })).statusCode).toBe(403);
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/notification-preferences',
      headers: customer,
      payload: { sms: 'yes' },
    });
    expect(bad.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me/notification-preferences', headers: customer })).json()).toEqual({
      sms: true,
      email: true,
    });
  });
});

describe('returns', () => {
  it('tells an approved return by SMS and e-mail and a received one by e-mail with the refund', async () => {
    const { userId, email } = await registerCustomer(t);
    await publishOrder(t, 'delivered', userId, { phone: '+7 966 000-11-22' });
    await publishReturn(t, 'approved', userId);
    await publishReturn(t, 'received', userId, 40_000);
    await waitFor(async () => (await statusesOf(userId)).filter((m) => m.template.startsWith('return.')).length === 3, 15_000, 'returns');
    expect((await statusesOf(userId)).filter((m) => m.template.startsWith('return.')).map((m) => `${m.template}/${m.channel}`)).toEqual([
      'return.approved/sms',
      'return.approved/email',
      'return.received/email',
    ]);
    await waitFor(() => smsTo('79660001122').some((m) => m.msg.includes('возврат')), 15_000, 'the return SMS');
    await waitFor(() => mailTo(email).length === 4, 15_000, 'the return e-mails');
  });
});
