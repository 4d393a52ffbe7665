import { startTestService, type TestService, waitFor } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import analytics from '../index.ts';

let t: TestService;
beforeAll(async () => {
  t = await startTestService(analytics);
});
afterAll(() => t?.close());

const jobs = async (roles: ('admin' | 'manager')[]) =>
  t.app.inject({ method: 'GET', url: '/api/v1/admin/jobs', headers: { authorization: `Bearer ${await t.tokens.issue({ roles })}` } });

describe('GET /api/v1/admin/jobs', () => {
  it('answers 401 without a token and 403 to a manager', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/admin/jobs' })).statusCode).toBe(401);
    expect((await jobs(['manager'])).statusCode).toBe(403);
  });

  it('lists schedules with their next run, and a failing job with its error and failure count', async () => {
    const { jobs: queue } = t.service.deps;
    await queue.register([
      { queue: 'test.nightly_report', cron: '30 2 * * *', handler: async () => {} },
      {
        queue: 'test.always_fails',
        retryLimit: 0,
        handler: async () => {
          throw new Error('provider unreachable');
        },
      },
    ]);
    await queue.send('test.always_fails', {});
    let items: { queue: string; failures: number }[] = [];
    await waitFor(
      async () => {
        items = (await jobs(['admin'])).json().items;
        return (items.find((i) => i.queue === 'test.always_fails')?.failures ?? 0) > 0;
      },
      20_000,
      'the failed job to show',
    );
    const nightly = items.find((i) => i.queue === 'test.nightly_report');
    expect(nightly).toMatchObject({ cron: '30 2 * * *' });
    expect((nightly as unknown as { nextRunAt: string }).nextRunAt).toMatch(/T02:30:00\.000Z$/);
    expect(items.find((i) => i.queue === 'test.always_fails')).toMatchObject({
      cron: null,
      nextRunAt: null,
      failures: 1,
      lastError: expect.stringContaining('provider unreachable'),
    });
  });
});
