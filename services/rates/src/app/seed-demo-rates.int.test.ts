import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, ratesEvents } from '../../test/helpers.ts';
import rates from '../index.ts';

describe('seedDemo with the default base', () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(rates, { env: { RATES_REFRESH_CRON: 'off' } });
  });
  afterAll(() => t?.close());

  it('sets a plausible table once, and leaves an existing table alone', async () => {
    const first = await rates.seedDemo?.(t.service.deps);
    expect(first?.notices?.[0]).toContain('demo rate table');
    const table = (await client(t).get('/api/v1/rates')).json();
    expect(table.rates).toEqual({
      CNY: '0.08938387694',
      EUR: '0.01076698627',
      GBP: '0.009484777407',
      JPY: '1.926656057',
      KZT: '6.527372537',
      USD: '0.01248074845',
    });
    expect(await rates.seedDemo?.(t.service.deps)).toEqual({ notices: [] });
    expect(await ratesEvents(t)).toHaveLength(1);
  });

  it('registers the refresh queue without a schedule when the cron is off', () => {
    expect(rates.jobs?.(t.service.deps)).toEqual([expect.not.objectContaining({ cron: expect.anything() })]);
  });

  it('serializes writers: every parallel change lands and each version builds on the one before', async () => {
    const manager = await t.tokens.issue({ roles: ['manager'] });
    const codes = ['TRY', 'AED', 'INR', 'BYN', 'AMD', 'CHF', 'SEK', 'NOK', 'PLN', 'THB'];
    const responses = await Promise.all(codes.map((c, i) => client(t).put(`/api/v1/rates/${c}`, { rate: `0.0${i + 1}` }, manager)));
    expect(responses.map((r) => r.statusCode)).toEqual(codes.map(() => 200));
    const table = (await client(t).get('/api/v1/rates')).json();
    expect(Object.keys(table.rates)).toEqual(expect.arrayContaining(codes));
    expect(Object.keys(table.rates)).toHaveLength(16);
    const history = (await client(t).get('/api/v1/rates/history?limit=10')).json();
    expect(history.items.map((i: { rates: object }) => Object.keys(i.rates).length)).toEqual([16, 15, 14, 13, 12, 11, 10, 9, 8, 7]);
  });
});

describe('seedDemo with BASE_CURRENCY=USD', () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(rates, { env: { BASE_CURRENCY: 'USD', RATES_REFRESH_CRON: 'off' } });
  });
  afterAll(() => t?.close());

  it('crosses the demo quotes through the rouble and lists RUB', async () => {
    await rates.seedDemo?.(t.service.deps);
    const table = (await client(t).get('/api/v1/rates')).json();
    expect(table.base).toBe('USD');
    expect(table.rates).toMatchObject({ RUB: '80.1234', EUR: '0.8626875474', JPY: '154.3702339' });
    expect(table.rates).not.toHaveProperty('USD');
    const manager = await t.tokens.issue({ roles: ['manager'] });
    expect((await client(t).put('/api/v1/rates/USD', { rate: '1' }, manager)).statusCode).toBe(422);
    expect((await client(t).put('/api/v1/rates/RUB', { rate: '90' }, manager)).statusCode).toBe(200);
  });
});
