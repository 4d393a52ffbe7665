import FindMyWay from 'find-my-way';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';
import { type Clients, INTERNAL_GUARD, injectClients, type ServiceRequest, type ServiceResponse, tracedCall } from './clients.ts';
import { DomainError } from './errors.ts';
import type { HttpApp } from './http/app.ts';
import { domainProblem, problem } from './http/problem.ts';
import { findUnsafeValue } from './http/unsafe-values.ts';
import { wireCopy } from './wire-copy.ts';

type Handler = (request: unknown, reply: unknown) => unknown;
type Check = (value: unknown) => boolean;

interface CompiledSchema {
  schema: TSchema;
  check: Check;
  /** Whether Fastify would fill defaults in (most schemas have none, and then nothing is copied). */
  hasDefaults: boolean;
}

interface LocalRoute {
  handler: Handler;
  body?: CompiledSchema;
  params?: CompiledSchema;
  querystring?: CompiledSchema;
}

const compiled = (schema: unknown): CompiledSchema | undefined => {
  if (!schema) return undefined;
  const check = Compile(schema as TSchema);
  return {
    schema: schema as TSchema,
    check: (value: unknown) => check.Check(value),
    hasDefaults: JSON.stringify(schema).includes('"default"'),
  };
};

const isInternalGuard = (hook: unknown) => typeof hook === 'function' && INTERNAL_GUARD in hook;

/** The part of a Fastify reply the internal routes use. */
class LocalReply {
  statusCode = 200;
  payload: unknown;
  sent = false;
  status(code: number) {
    this.statusCode = code;
    return this;
  }
  code(code: number) {
    return this.status(code);
  }
  header() {
    return this;
  }
  send(payload?: unknown) {
    this.payload = payload;
    this.sent = true;
    return this;
  }
}

/**
 * Embedded mode's transport: a call to another service's `/internal/` route runs its handler as a
 * function call. The route's own TypeBox schemas check the input first (defaults applied, path
 * and query values converted, as Fastify does); anything the fast path is not sure to treat as
 * Fastify would — input its check refuses, a route it does not know, extra hooks — goes through
 * `inject` instead, so answers (a 400 naming the bad field included) are the same either way.
 * The answer is copied as JSON would carry it (`wireCopy`), so callers see strings where a handler
 * returned dates. It costs a small part of what a Fastify `inject` does (0024).
 *
 * Must be created before the services register their routes (it learns them as they do).
 */
export function localClients(app: HttpApp, internalToken: string): Clients {
  const injected = injectClients(app, internalToken).to('');
  const router = FindMyWay({ ignoreTrailingSlash: false });
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/internal/')) return;
    const hooks = [route.onRequest, route.preParsing, route.preValidation, route.preHandler, route.preSerialization, route.onSend]
      .flat()
      .filter((hook) => hook !== undefined && !isInternalGuard(hook));
    // A route with hooks of its own (beyond the internal-token guard) is only reached through inject.
    if (hooks.length > 0) return;
    const schema = route.schema ?? {};
    let local: LocalRoute;
    try {
      local = {
        handler: route.handler as Handler,
        body: compiled(schema.body),
        params: compiled(schema.params),
        querystring: compiled(schema.querystring),
      };
    } catch {
      return; // a schema TypeBox cannot compile alone (a reference to a shared one): inject decides
    }
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      router.on(method as 'GET', route.url, () => {}, local);
    }
  });

  // The handler runs inside the call's span, so what it writes and calls continues the trace.
  const call = <T>(request: ServiceRequest) => tracedCall('local', request, () => callHandler<T>(request));
  async function callHandler<T>(request: ServiceRequest): Promise<ServiceResponse<T>> {
    const [path = '', search = ''] = request.path.split('?', 2);
    const found = router.find(request.method, path);
    const route = found?.store as LocalRoute | undefined;
    if (!found || !route) return injected.call<T>(request);
    const input = prepare(route, request, found.params, search);
    if (!input) return injected.call<T>(request);
    const reply = new LocalReply();
    const fakeRequest = {
      ...input,
      headers: request.idempotencyKey ? { 'idempotency-key': request.idempotencyKey } : {},
      method: request.method,
      url: request.path,
      log: app.log,
    };
    try {
      const returned = await route.handler.call(app, fakeRequest, reply);
      const payload = returned === reply || reply.sent ? reply.payload : returned;
      return { status: reply.statusCode, body: (payload === undefined ? null : wireCopy(payload)) as T };
    } catch (error) {
      return answerFor(app, error) as ServiceResponse<T>;
    }
  }
  return { to: () => ({ call }) };
}

/** The handler's `req` fields, checked against the route's schemas; undefined when inject must decide. */
function prepare(route: LocalRoute, request: ServiceRequest, rawParams: Record<string, string | undefined>, search: string) {
  let body: unknown = request.body;
  if (route.body) {
    // Fastify decides what a missing body means for a route that declares one.
    if (request.body === undefined) return undefined;
    // Without defaults to fill in, the handler reads the caller's object as is (handlers do not change their input).
    if (route.body.hasDefaults) body = Value.Default(route.body.schema, structuredClone(request.body));
    if (!route.body.check(body)) return undefined;
  }
  let params: unknown = { ...rawParams };
  if (route.params && !route.params.check(params)) {
    // Path values arrive as text; a numeric one is converted as Fastify's coercion would.
    params = Value.Convert(route.params.schema, params);
    if (!route.params.check(params)) return undefined;
  }
  let query: unknown = Object.fromEntries(new URLSearchParams(search));
  if (route.querystring) {
    query = Value.Convert(route.querystring.schema, Value.Default(route.querystring.schema, query));
    if (!route.querystring.check(query)) return undefined;
  }
  // Text PostgreSQL cannot hold and numbers that are not finite are refused by the app's hooks: inject answers.
  if (findUnsafeValue(body) ?? findUnsafeValue(params) ?? findUnsafeValue(query)) return undefined;
  return { body, params, query };
}

/** The problem document the app's error handler would have sent. */
function answerFor(app: HttpApp, error: unknown): ServiceResponse<unknown> {
  if (error instanceof DomainError) return { status: error.status, body: domainProblem(error) };
  app.log.error({ err: error }, 'unhandled error in an internal call');
  return { status: 500, body: problem(500, 'server.internal', 'Something went wrong on our side') };
}
