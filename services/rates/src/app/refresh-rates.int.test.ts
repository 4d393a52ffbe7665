import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeProvider, startFakeProvider } from '../../test/fake-provider.ts';
import { client, ratesEvents, waitFor } from '../../test/helpers.ts';
import rates, { REFRESH_RATES_QUEUE } from '../index.ts';

let t: TestService;
let provider: FakeProvider;
let http: ReturnType<typeof client>;
let manager: string;

beforeAll(async () => {
  provider = await startFakeProvider();
  t = await startTestService(rates, { env: { RATES_PROVIDER_URL: provider.url, RATES_PROVIDER_TIMEOUT_MS: '400' } });
  http = client(t);
  manager = await t.tokens.issue({ roles: ['manager'] });
});
afterAll(async () => {
  await t?.close();
  await provider?.close();
});
beforeEach(() => {
  provider.mode = 'sample';
});

const SAMPLE_RATES = {
  AMD: '4.839989933',
  BYN: '0.03697459106',
  CNY: '0.08938387694',
  EUR: '0.01076698627',
  GBP: '0.009484777407',
  JPY: '1.926656057',
  KZT: '6.527372537',
  USD: '0.01248074845',
};

describe('POST /api/v1/rates/refresh', () => {
  it('is for staff only', async () => {
    expect((await http.post('/api/v1/rates/refresh')).statusCode).toBe(401);
    expect((await http.post('/api/v1/rates/refresh', await t.tokens.issue({ roles: ['customer'] }))).statusCode).toBe(403);
    expect(provider.requests).toBe(0);
  });

  it('pulls the windows-1251 CBR file, stores Nominal/Value rates and publishes the full table once', async () => {
    // A hand-set rate for a currency the provider does not quote survives the refresh.
    expect((await http.put('/api/v1/rates/AED', { rate: '0.045' }, manager)).statusCode).toBe(200);
    expect((await http.put('/api/v1/rates/USD', { rate: '0.0108' }, manager)).statusCode).toBe(200);
    const before = (await ratesEvents(t)).length;

    const res = await http.post('/api/v1/rates/refresh', manager);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ base: 'RUB', providerDate: '2026-11-21', rates: { ...SAMPLE_RATES, AED: '0.045' } });
    expect(body.sources).toMatchObject({ AED: 'manual', USD: 'provider', JPY: 'provider' });
    expect(body.changed).toEqual(Object.keys(SAMPLE_RATES).sort());

    expect((await http.get('/api/v1/rates')).json().rates).toEqual({ ...SAMPLE_RATES, AED: '0.045' });
    const events = await ratesEvents(t);
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)?.data).toMatchObject({ source: 'provider', rates: { ...SAMPLE_RATES, AED: '0.045' }, rateSetId: body.rateSetId });

    const history = (await http.get('/api/v1/rates/history?currency=USD')).json();
    expect(history.items[0]).toMatchObject({ source: 'provider', providerDate: '2026-11-21', rates: { USD: SAMPLE_RATES.USD } });
  });

  it('changes and publishes nothing when the provider repeats itself', async () => {
    const before = (await ratesEvents(t)).length;
    const res = await http.post('/api/v1/rates/refresh', manager);
    expect(res.statusCode).toBe(200);
    expect(res.json().changed).toEqual([]);
    expect(await ratesEvents(t)).toHaveLength(before);
  });

  it('overwrites a hand-set rate at the next refresh that quotes it', async () => {
    await http.put('/api/v1/rates/EUR', { rate: '0.011' }, manager);
    expect((await http.get('/api/v1/rates')).json().sources.EUR).toBe('manual');
    provider.mode = 'changed';
    const res = (await http.post('/api/v1/rates/refresh', manager)).json();
    // 1 / 81 = 0.012345679012… → 10 significant digits
    expect(res.rates).toMatchObject({ USD: '0.01234567901', EUR: SAMPLE_RATES.EUR });
    expect(res.sources).toMatchObject({ EUR: 'provider', USD: 'provider', AED: 'manual' });
    expect(res.changed).toEqual(['EUR', 'USD']);
  });

  it.each([
    ['an HTTP error', 'http_error' as const],
    ['a timeout', 'stall' as const],
    ['malformed XML', 'malformed' as const],
    ['an HTML error page', 'html' as const],
  ])('answers %s with 503 problem+json and changes nothing', async (_name, mode) => {
    provider.mode = mode;
    const table = (await http.get('/api/v1/rates')).json();
    const events = (await ratesEvents(t)).length;
    const res = await http.post('/api/v1/rates/refresh', manager);
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 503, code: 'rates.provider_unavailable', type: '/problems/rates.provider_unavailable' });
    expect((await http.get('/api/v1/rates')).json()).toEqual(table);
    expect(await ratesEvents(t)).toHaveLength(events);
  });
});

describe('the daily refresh job', () => {
  it('is registered on rates.refresh_rates with a daily cron and retries', () => {
    const jobs = rates.jobs?.(t.service.deps) ?? [];
    expect(jobs).toEqual([expect.objectContaining({ queue: REFRESH_RATES_QUEUE, cron: '0 9 * * *', retryLimit: 5 })]);
  });

  it('throws on a provider failure (so the queue retries) and changes nothing', async () => {
    provider.mode = 'http_error';
    const [job] = rates.jobs?.(t.service.deps) ?? [];
    const events = (await ratesEvents(t)).length;
    await expect(job?.handler({})).rejects.toMatchObject({ code: 'rates.provider_unavailable' });
    expect(await ratesEvents(t)).toHaveLength(events);
  });

  it('refreshes the table when the queue runs it', async () => {
    // Put a rate the next pull will overwrite, then let pg-boss run the job.
    await http.put('/api/v1/rates/GBP', { rate: '0.01' }, manager);
    const requests = provider.requests;
    await t.service.deps.jobs.send(REFRESH_RATES_QUEUE, {});
    await waitFor(async () => (await http.get('/api/v1/rates')).json().sources.GBP === 'provider');
    expect(provider.requests).toBeGreaterThan(requests);
    expect((await http.get('/api/v1/rates')).json().rates.GBP).toBe(SAMPLE_RATES.GBP);
    expect((await ratesEvents(t)).at(-1)?.data).toMatchObject({ source: 'provider', changed: expect.arrayContaining(['GBP']) });
  });
});
