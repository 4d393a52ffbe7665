import identity from '@bazar/identity';
import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService, waitFor } from '@bazar/kit/testing';
import notifications from '@bazar/notifications';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink } from '../fakes/smtp-sink.ts';
import { client } from './support/shop.ts';

let t: TestService;
let shop: ReturnType<typeof client>;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await startTestService([identity, notifications], {
    env: { SMTP_URL: smtp.url, NOTIFY_PUBLIC_URL: 'https://shop.example', PASSWORD_RESET_MAX_PER_EMAIL: '3' },
  });
  shop = client(t);
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const PASSWORD = 'correct horse battery';
async function signUp() {
  const email = `reset-${newId().slice(-10)}@example.test`;
  const res = await shop.call('POST', '/api/v1/auth/register', undefined, { email, password: PASSWORD, name: 'Анна' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { email, refreshToken: res.body.refreshToken as string };
}
const ask = (email: string, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email }, headers: { 'x-forwarded-for': ip } });
const confirm = (token: string, password: string) =>
  shop.call('POST', '/api/v1/auth/password-reset/confirm', undefined, { token, password });
const login = (email: string, password: string) => shop.call('POST', '/api/v1/auth/login', undefined, { email, password });

/** The reset links e-mailed to an address so far, newest last. */
async function linksTo(email: string, count: number) {
  const links = () =>
    smtp.received
      .filter((m) => m.to.includes(email))
      .map((m) => /https:\/\/shop\.example\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(m.text)?.[1])
      .filter((token): token is string => !!token);
  await waitFor(() => links().length >= count, 20_000, 'the e-mail');
  return links();
}

describe('password reset by e-mail', () => {
  it('e-mails a link that sets a new password once, signs the account out everywhere, and then works no more', async () => {
    const anna = await signUp();
    const res = await ask(anna.email.toUpperCase());
    expect(res.statusCode).toBe(202);
    const [token] = await linksTo(anna.email, 1);
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const mail = smtp.received.find((m) => m.text.includes('reset-password'));
    expect(mail?.text).toContain('Ссылка работает один раз');

    expect((await confirm(token as string, 'short')).status).toBe(400);
    expect((await confirm(token as string, 'brand new password')).status).toBe(204);
    expect((await login(anna.email, PASSWORD)).status).toBe(401);
    expect((await login(anna.email, 'brand new password')).status).toBe(200);
    // The old session is gone; the link is spent.
    expect((await shop.call('POST', '/api/v1/auth/refresh', undefined, { refreshToken: anna.refreshToken })).status).toBe(401);
    expect(await confirm(token as string, 'another new password')).toMatchObject({
      status: 422,
      body: { code: 'identity.reset_link_invalid' },
    });
    expect((await login(anna.email, 'another new password')).status).toBe(401);
  });

  it('refuses an expired link and a made-up one with 422, changing nothing', async () => {
    const boris = await signUp();
    await ask(boris.email, '10.0.0.2');
    const [token] = await linksTo(boris.email, 1);
    await t.database.query(`UPDATE identity.password_resets SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`);
    expect((await confirm(token as string, 'brand new password')).body).toMatchObject({ status: 422, code: 'identity.reset_link_invalid' });
    expect((await confirm('x'.repeat(43), 'brand new password')).status).toBe(422);
    expect((await login(boris.email, PASSWORD)).status).toBe(200);
  });

  it('answers an unknown e-mail exactly as a known one, sends it nothing, and limits both the same way', async () => {
    const known = await signUp();
    const unknown = `nobody-${newId().slice(-10)}@example.test`;
    const answers = [];
    for (const email of [known.email, unknown]) {
      for (let i = 0; i < 3; i++) {
        const res = await ask(email, `10.0.1.${i}`);
        answers.push({ status: res.statusCode, body: res.json() });
      }
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]?.status).toBe(202);
    const fourth = [await ask(known.email, '10.0.2.1'), await ask(unknown, '10.0.2.2')];
    expect(fourth.map((r) => r.statusCode)).toEqual([429, 429]);
    expect(fourth.map((r) => r.json().code)).toEqual(['identity.too_many_reset_requests', 'identity.too_many_reset_requests']);
    expect(fourth[0]?.headers['retry-after']).toBeTruthy();
    await linksTo(known.email, 3);
    expect(smtp.received.filter((m) => m.to.includes(unknown))).toEqual([]);
    expect((await ask('not an e-mail')).statusCode).toBe(400);
  });
});
