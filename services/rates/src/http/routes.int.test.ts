import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, ratesEvents } from '../../test/helpers.ts';
import rates from '../index.ts';

let t: TestService;
let http: ReturnType<typeof client>;
let manager: string;
let admin: string;
let customer: string;

beforeAll(async () => {
  // The provider is never reached here; a closed port keeps a stray cron run harmless.
  t = await startTestService(rates, { env: { RATES_PROVIDER_URL: 'http://127.0.0.1:9/none', RATES_PROVIDER_TIMEOUT_MS: '500' } });
  http = client(t);
  manager = await t.tokens.issue({ roles: ['manager'] });
  admin = await t.tokens.issue({ roles: ['admin'] });
  customer = await t.tokens.issue({ roles: ['customer'] });
});
afterAll(() => t?.close());

describe('GET /api/v1/rates before any rate', () => {
  it('answers anyone with the base and an empty table', async () => {
    const res = await http.get('/api/v1/rates');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ base: 'RUB', rates: {}, sources: {}, updatedAt: null, rateSetId: null });
  });
});

describe('PUT /api/v1/rates/{currency}', () => {
  it('sets a rate by hand for a manager, shows it to anyone and publishes the full table', async () => {
    const before = (await ratesEvents(t)).length;
    const res = await http.put('/api/v1/rates/USD', { rate: '0.0108' }, manager);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ base: 'RUB', rates: { USD: '0.0108' }, sources: { USD: 'manual' }, changed: ['USD'] });

    const shown = (await http.get('/api/v1/rates')).json();
    expect(shown).toMatchObject({ base: 'RUB', rates: { USD: '0.0108' }, sources: { USD: 'manual' } });
    expect(new Date(shown.updatedAt).toISOString()).toBe(shown.updatedAt);

    const events = await ratesEvents(t);
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)?.data).toMatchObject({
      base: 'RUB',
      rates: { USD: '0.0108' },
      source: 'manual',
      updatedAt: shown.updatedAt,
      rateSetId: shown.rateSetId,
      changed: ['USD'],
    });
  });

  it('lets an admin set rates too, normalizes the decimal and keeps every other currency', async () => {
    const res = await http.put('/api/v1/rates/EUR', { rate: '0.010000' }, admin);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().rates).toEqual({ EUR: '0.01', USD: '0.0108' });
    const events = await ratesEvents(t);
    expect(events.at(-1)?.data).toMatchObject({ rates: { EUR: '0.01', USD: '0.0108' }, source: 'manual' });
  });

  it('writes and publishes nothing when the rate is unchanged', async () => {
    const before = await ratesEvents(t);
    const res = await http.put('/api/v1/rates/USD', { rate: '0.01080' }, manager);
    expect(res.statusCode).toBe(200);
    expect(res.json().changed).toEqual([]);
    expect(await ratesEvents(t)).toHaveLength(before.length);
  });

  it.each(['0', '0.000', '-1', 'abc', '1e5', '', '1,5', ' 1'])('refuses rate %j with 400 naming rate, changing nothing', async (rate) => {
    const before = (await http.get('/api/v1/rates')).json();
    const res = await http.put('/api/v1/rates/USD', { rate }, manager);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'rate' })]));
    expect((await http.get('/api/v1/rates')).json()).toEqual(before);
  });

  it('refuses a missing rate or an unknown field with 400', async () => {
    const missing = await http.put('/api/v1/rates/USD', {}, manager);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([expect.objectContaining({ path: 'rate' })]);
    const extra = await http.put('/api/v1/rates/USD', { rate: '1', source: 'provider' }, manager);
    expect(extra.statusCode).toBe(400);
    expect(extra.json().errors).toEqual([expect.objectContaining({ path: 'source' })]);
  });

  it.each(['usd', 'US', 'USDT', '123'])('refuses malformed currency %j with 400 naming currency', async (code) => {
    const res = await http.put(`/api/v1/rates/${code}`, { rate: '1' }, manager);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'currency' })]);
  });

  it('refuses a well-formed code ISO 4217 does not know with 400 naming currency', async () => {
    const res = await http.put('/api/v1/rates/ABC', { rate: '1' }, manager);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'request.invalid', errors: [{ path: 'currency' }] });
  });

  it("refuses the base currency's own rate with 422", async () => {
    const res = await http.put('/api/v1/rates/RUB', { rate: '1' }, manager);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'rates.base_rate_fixed', type: '/problems/rates.base_rate_fixed' });
  });

  it('answers 401 without a token and 403 for a customer, before looking at the body', async () => {
    expect((await http.put('/api/v1/rates/USD', { rate: '1' })).statusCode).toBe(401);
    expect((await http.put('/api/v1/rates/USD', { rate: 'abc' })).statusCode).toBe(401);
    const forbidden = await http.put('/api/v1/rates/USD', { rate: '1' }, customer);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.headers['content-type']).toContain('application/problem+json');
    expect((await http.put('/api/v1/rates/USD', { rate: '1' }, 'not-a-token')).statusCode).toBe(401);
    expect((await http.get('/api/v1/rates')).json().rates.USD).toBe('0.0108');
  });

  it('refuses a JSON number where the decimal text belongs (a float would lose digits), naming the field', async () => {
    const res = await http.put('/api/v1/rates/CNY', { rate: 0.0894 }, manager);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'rate', message: 'must be text' }]);
  });
});

describe('DELETE /api/v1/rates/{currency}', () => {
  it('removes a currency for staff, publishes the table, and answers 404 the second time', async () => {
    await http.put('/api/v1/rates/KZT', { rate: '6.5' }, manager);
    expect((await http.del('/api/v1/rates/KZT', customer)).statusCode).toBe(403);
    const res = await http.del('/api/v1/rates/KZT', manager);
    expect(res.statusCode).toBe(200);
    expect(res.json().rates).not.toHaveProperty('KZT');
    expect((await ratesEvents(t)).at(-1)?.data).toMatchObject({ changed: ['KZT'] });
    expect((await http.del('/api/v1/rates/KZT', manager)).statusCode).toBe(404);
    expect((await http.del('/api/v1/rates/RUB', manager)).statusCode).toBe(422);
  });
});

describe('GET /api/v1/rates/history', () => {
  it('lists versions newest first, filtered by currency, paged with a cursor', async () => {
    await http.put('/api/v1/rates/USD', { rate: '0.011' }, manager);
    await http.put('/api/v1/rates/USD', { rate: '0.012' }, manager);
    const all = (await http.get('/api/v1/rates/history?currency=USD&limit=100')).json();
    expect(all.items.map((i: { rates: { USD?: string } }) => i.rates.USD)).toEqual(['0.012', '0.011', '0.0108']);
    expect(all.items[0]).toMatchObject({ base: 'RUB', source: 'manual', changed: ['USD'], providerDate: null });

    const first = (await http.get('/api/v1/rates/history?currency=USD&limit=2')).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await http.get(`/api/v1/rates/history?currency=USD&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((i: { rates: { USD: string } }) => i.rates.USD)).toEqual(['0.0108']);
    expect(second.nextCursor).toBeNull();

    const unfiltered = (await http.get('/api/v1/rates/history?limit=1')).json();
    expect(unfiltered.items[0].rates).toMatchObject({ USD: '0.012', EUR: '0.01' });
  });

  it('refuses a bad currency, limit or cursor with 400', async () => {
    expect((await http.get('/api/v1/rates/history?currency=XYZ')).json().errors).toEqual([expect.objectContaining({ path: 'currency' })]);
    expect((await http.get('/api/v1/rates/history?limit=500')).statusCode).toBe(400);
    expect((await http.get('/api/v1/rates/history?cursor=garbage')).json().errors).toEqual([expect.objectContaining({ path: 'cursor' })]);
  });

  it('answers GET /api/v1/rates?at= with the table in force then', async () => {
    const history = (await http.get('/api/v1/rates/history?currency=USD&limit=100')).json();
    const middle = history.items[1];
    const then = (await http.get(`/api/v1/rates?at=${encodeURIComponent(middle.updatedAt)}`)).json();
    expect(then).toMatchObject({ rateSetId: middle.id, rates: { USD: '0.011' } });
    const before = (await http.get('/api/v1/rates?at=2000-01-01T00:00:00Z')).json();
    expect(before).toMatchObject({ rates: {}, updatedAt: null });
    expect((await http.get('/api/v1/rates?at=yesterday')).statusCode).toBe(400);
  });
});

describe('GET /api/v1/rates/convert', () => {
  it('converts from the base with half-even rounding to the minor units', async () => {
    // 1299.00 RUB × 0.012 = 15.588 USD → 15.59
    const res = await http.get('/api/v1/rates/convert?amount=129900&from=RUB&to=USD');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ from: { amount: 129900, currency: 'RUB' }, to: { amount: 1559, currency: 'USD' }, rate: '0.012' });
  });

  it('converts between two non-base currencies through the base', async () => {
    // 10.00 USD → EUR at 0.01 / 0.012 = 0.8333… → 8.33 EUR
    const res = (await http.get('/api/v1/rates/convert?amount=1000&from=USD&to=EUR')).json();
    expect(res).toMatchObject({ to: { amount: 833, currency: 'EUR' }, rate: '0.8333333333' });
    const back = (await http.get('/api/v1/rates/convert?amount=1000&from=USD&to=RUB')).json();
    expect(back.to).toEqual({ amount: 83333, currency: 'RUB' });
  });

  it('answers 422 for a currency without a rate and 400 for bad input', async () => {
    const noRate = await http.get('/api/v1/rates/convert?amount=100&from=RUB&to=GBP');
    expect(noRate.statusCode).toBe(422);
    expect(noRate.json().code).toBe('rates.rate_not_set');
    const bad = await http.get('/api/v1/rates/convert?amount=1.5&from=rub&to=QQQ');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['amount', 'from']);
    expect((await http.get('/api/v1/rates/convert?amount=1&from=RUB&to=QQQ')).json().errors).toEqual([
      expect.objectContaining({ path: 'to' }),
    ]);
  });
});

describe('OpenAPI', () => {
  it('documents every rates route', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/rates',
        '/api/v1/rates/{currency}',
        '/api/v1/rates/refresh',
        '/api/v1/rates/history',
        '/api/v1/rates/convert',
      ]),
    );
  });
});
