import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardInternalRoutes, injectClients, internalGuard, type ServiceTransport } from './clients.ts';
import { DomainError } from './errors.ts';
import { createHttpApp, type HttpApp } from './http/app.ts';
import { localClients } from './local-clients.ts';
import { createLogger } from './log.ts';

const TOKEN = 'local-clients-test-token';
let app: HttpApp;
let local: ServiceTransport;
let injected: ServiceTransport;
let handled = 0;
let hookRuns = 0;
let httpRequests = 0;

beforeAll(async () => {
  app = await createHttpApp({ log: createLogger('silent'), title: 'local clients test' });
  app.addHook('onRequest', async () => {
    httpRequests++;
  });
  guardInternalRoutes(app, TOKEN);
  local = localClients(app, TOKEN).to('things');
  injected = injectClients(app, TOKEN).to('things');
  const guard = internalGuard(TOKEN);
  app.post(
    '/internal/v1/things',
    {
      preHandler: guard,
      schema: {
        body: Type.Object({ n: Type.Integer({ minimum: 1 }), tag: Type.String({ default: 'plain' }) }, { additionalProperties: false }),
      },
    },
    async (req, reply) => {
      handled++;
      const body = req.body as { n: number; tag: string };
      return reply.status(201).send({ n: body.n, tag: body.tag, at: new Date(0), key: req.headers['idempotency-key'] ?? null });
    },
  );
  app.get(
    '/internal/v1/things/:id',
    {
      schema: {
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        querystring: Type.Object({ limit: Type.Integer({ default: 5 }) }),
      },
    },
    async (req) => {
      const { id } = req.params as { id: string };
      const { limit } = req.query as { limit: number };
      if (id === '00000000-0000-4000-8000-000000000000') throw new DomainError('things.not_found', 404, `No thing ${id}`, { id });
      return { id, limit, type: typeof limit };
    },
  );
  app.post(
    '/internal/v1/hooked',
    {
      preHandler: async () => {
        hookRuns++;
      },
    },
    async () => ({ ok: true }),
  );
  await app.ready();
});
afterAll(() => app?.close());

const both = async (request: Parameters<ServiceTransport['call']>[0]) => [await local.call(request), await injected.call(request)] as const;

describe('in-process calls between services', () => {
  it('answers as inject does: status, defaults applied, dates as strings, the idempotency key passed on', async () => {
    const before = handled;
    const requestsBefore = httpRequests;
    const [fast, slow] = await both({ method: 'POST', path: '/internal/v1/things', body: { n: 3 }, idempotencyKey: 'k-1' });
    // Only the inject call went through Fastify's request cycle.
    expect(httpRequests - requestsBefore).toBe(1);
    expect(fast).toEqual({ status: 201, body: { n: 3, tag: 'plain', at: '1970-01-01T00:00:00.000Z', key: 'k-1' } });
    expect(fast).toEqual(slow);
    expect(handled - before).toBe(2);
  });

  it('converts path and query values as Fastify does, and turns a domain error into the same problem', async () => {
    const id = '0190a3c2-0000-7000-8000-000000000001';
    const [fast, slow] = await both({ method: 'GET', path: `/internal/v1/things/${id}?limit=7` });
    expect(fast).toEqual({ status: 200, body: { id, limit: 7, type: 'number' } });
    expect(fast).toEqual(slow);
    const [missing, missingSlow] = await both({ method: 'GET', path: '/internal/v1/things/00000000-0000-4000-8000-000000000000' });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'things.not_found', status: 404, id: '00000000-0000-4000-8000-000000000000' });
    expect(missing).toEqual(missingSlow);
  });

  it('leaves input its schema refuses, unknown routes and routes with hooks of their own to inject', async () => {
    const before = handled;
    const [bad, badSlow] = await both({ method: 'POST', path: '/internal/v1/things', body: { n: 0, extra: true } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'request.invalid' });
    expect(bad).toEqual(badSlow);
    expect(handled).toBe(before);
    const [unknown] = await both({ method: 'GET', path: '/internal/v1/nothing' });
    expect(unknown.status).toBe(404);
    const runs = hookRuns;
    expect((await local.call({ method: 'POST', path: '/internal/v1/hooked', body: {} })).body).toEqual({ ok: true });
    expect(hookRuns).toBe(runs + 1);
  });
});
