import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { createLogger } from '../log.ts';
import { openTestDatabase } from '../testing.ts';
import { createHttpApp, type HttpApp } from './app.ts';

let app: HttpApp;
let database: Database;
let dispose: () => Promise<void>;
beforeAll(async () => {
  ({ database, dispose } = await openTestDatabase());
  app = await createHttpApp({ log: createLogger('silent'), title: 'data exceptions', docs: false });
  // A handler that trusts its input too much: the value goes to an int4 parameter as sent.
  app.get('/count/:n', async (request) => database.query('SELECT $1::int4 AS n', [(request.params as { n: string }).n]));
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await dispose();
});

describe('a value PostgreSQL refuses as data', () => {
  it.each(['3000000000', 'twelve'])('is a 400 problem, not a 500 (%s for an int4)', async (n) => {
    const res = await app.inject({ method: 'GET', url: `/count/${n}` });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().code).toBe('request.invalid');
  });

  it('still answers a good value', async () => {
    expect((await app.inject({ method: 'GET', url: '/count/12' })).statusCode).toBe(200);
  });
});
