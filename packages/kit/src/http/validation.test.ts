import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log.ts';
import { createHttpApp, type HttpApp } from './app.ts';

let app: HttpApp;
beforeAll(async () => {
  app = await createHttpApp({ log: createLogger('silent'), title: 'validation test', docs: false });
  app.post(
    '/things/:id',
    {
      schema: {
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) }),
        body: Type.Object(
          {
            quantity: Type.Integer({ minimum: 1, maximum: 100 }),
            price: Type.Optional(Type.Number({ minimum: 0 })),
            name: Type.String({ minLength: 1, maxLength: 50 }),
            kind: Type.Union([Type.Literal('goods'), Type.Literal('service')]),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => ({ body: request.body, limit: request.query.limit }),
  );
  app.get('/plain/:name', async (request) => ({ params: request.params, query: request.query }));
  await app.ready();
});
afterAll(() => app.close());

const id = '0190c0de-0000-7000-8000-000000000001';
const good = { quantity: 2, name: 'Tea', kind: 'goods' };
const post = (body: unknown, query = '', raw = false) =>
  app.inject({
    method: 'POST',
    url: `/things/${id}${query}`,
    ...(raw ? { payload: body as string, headers: { 'content-type': 'application/json' } } : { payload: body as object }),
  });

describe('request validation', () => {
  it('takes a JSON body exactly as sent: a number sent as a string is a 400 naming the field', async () => {
    const res = await post({ ...good, quantity: '2' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().errors).toEqual([{ path: 'quantity', message: 'must be a whole number' }]);
  });

  it('reports every wrong field at once, in words a person understands', async () => {
    const res = await post({ quantity: 0, name: 7, kind: 'gift', extra: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual(
      expect.arrayContaining([
        { path: 'quantity', message: 'must be at least 1' },
        { path: 'name', message: 'must be text' },
        { path: 'kind', message: 'must be one of: "goods", "service"' },
        { path: 'extra', message: 'is not an allowed field' },
      ]),
    );
    expect(res.json().errors).toHaveLength(4);
  });

  it('still converts path and query values, which are always text', async () => {
    const res = await post(good, '?limit=5');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ body: good, limit: 5 });
  });

  it.each(['1e999', 'Infinity', '-Infinity', '%2BInfinity'])('refuses ?limit=%s, a number that is not finite', async (limit) => {
    const res = await post(good, `?limit=${limit}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['limit']);
  });

  it('refuses 1e999 in a JSON body (Infinity after parsing) even without a maximum', async () => {
    const res = await post('{"quantity":2,"name":"Tea","kind":"goods","price":1e999}', '', true);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'price', message: 'must be a finite number' }]);
  });

  it.each([
    ['a NUL character', '{"quantity":2,"name":"T\\u0000ea","kind":"goods"}'],
    ['an unpaired high surrogate', '{"quantity":2,"name":"T\\ud800ea","kind":"goods"}'],
    ['an unpaired low surrogate', '{"quantity":2,"name":"\\udc00","kind":"goods"}'],
    ['a NUL in a field name', '{"quantity":2,"name":"Tea","kind":"goods","\\u0000":1}'],
  ])('refuses %s in body text with a 400', async (_, raw) => {
    const res = await post(raw, '', true);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('accepts text with a complete surrogate pair (an emoji)', async () => {
    const res = await post({ ...good, name: 'Tea 🍵' });
    expect(res.statusCode).toBe(200);
  });

  it('refuses NUL in path and query values of routes that declare no schema', async () => {
    for (const url of ['/plain/a%00b', '/plain/ok?q=%00']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    expect((await app.inject({ method: 'GET', url: '/plain/ok?q=%F0%9F%8D%B5' })).json().query).toEqual({ q: '🍵' });
  });
});
