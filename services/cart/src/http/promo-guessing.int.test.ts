import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upstream, upstreamFakes } from '../../test/fakes/upstream.ts';
import cart from '../index.ts';

let t: TestService;
beforeAll(async () => {
  t = await startTestService([cart, upstreamFakes], { env: { PROMO_MAX_WRONG_CODES: '3' } });
  upstream.promos.set('RIGHT', { type: 'percent', value: 10 });
  upstream.promos.set('STALE', { type: 'fixed', value: 100, problem: 'promotions.expired' });
});
afterAll(() => t?.close());

const call = (method: 'POST', url: string, payload: object, from: string, token?: string) =>
  t.app.inject({ method, url, payload, remoteAddress: from, headers: token ? { authorization: `Bearer ${token}` } : {} });
const openCart = async (from: string, token?: string) => {
  const res = await call('POST', '/api/v1/carts', {}, from, token);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};
const tryCode = (cartId: string, code: string, from: string, token?: string) =>
  call('POST', `/api/v1/carts/${cartId}/promo`, { code }, from, token);
const guess = () => `GUESS${newId().slice(-8).toUpperCase()}`;

function expectSlowedDown(res: Awaited<ReturnType<typeof tryCode>>) {
  expect(res.statusCode, res.body).toBe(429);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(res.json()).toMatchObject({ status: 429, code: 'cart.too_many_promo_attempts' });
}

describe('promo code guessing slows down, then 429 with Retry-After', () => {
  it('per cart: wrong codes past the allowance make every try wait, the right code included; the wait ends', async () => {
    const from = '203.0.113.1';
    const cartId = await openCart(from);
    for (let i = 0; i < 3; i++) expect((await tryCode(cartId, guess(), from)).json().code).toBe('promotions.invalid_code');
    expectSlowedDown(await tryCode(cartId, guess(), from));
    const waiting = await tryCode(cartId, 'RIGHT', from);
    expectSlowedDown(waiting);
    await new Promise((r) => setTimeout(r, Number(waiting.headers['retry-after']) * 1000 + 50));
    const after = await tryCode(cartId, 'RIGHT', from);
    expect(after.statusCode, after.body).toBe(200);
    // A right code does not wipe the count: the next wrong one waits longer.
    expect((await tryCode(cartId, guess(), from)).statusCode).toBe(422);
    expect(Number((await tryCode(cartId, guess(), from)).headers['retry-after'])).toBeGreaterThanOrEqual(2);
  });

  it('an expired real code is not a guess', async () => {
    const from = '203.0.113.2';
    const cartId = await openCart(from);
    for (let i = 0; i < 6; i++) expect((await tryCode(cartId, 'STALE', from)).json().code).toBe('promotions.expired');
  });

  it('per customer: fresh carts from fresh addresses do not reset the count', async () => {
    const customer = await t.tokens.issue({ roles: ['customer'] });
    for (let i = 0; i < 3; i++) {
      const from = `198.51.100.${10 + i}`;
      expect((await tryCode(await openCart(from, customer), guess(), from, customer)).statusCode).toBe(422);
    }
    expectSlowedDown(await tryCode(await openCart('198.51.100.20', customer), guess(), '198.51.100.20', customer));
    // Someone else's cart from an address of their own is untouched.
    expect((await tryCode(await openCart('198.51.100.21'), 'RIGHT', '198.51.100.21')).statusCode).toBe(200);
  });

  it('per address: anonymous carts opened one after another from one address share 4× the allowance', async () => {
    const from = '192.0.2.77';
    for (let i = 0; i < 6; i++) {
      const cartId = await openCart(from);
      for (let j = 0; j < 2; j++) expect((await tryCode(cartId, guess(), from)).statusCode).toBe(422);
    }
    expectSlowedDown(await tryCode(await openCart(from), 'RIGHT', from));
    expect((await tryCode(await openCart('192.0.2.78'), 'RIGHT', '192.0.2.78')).statusCode).toBe(200);
  });
});
