import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { DomainError } from './errors.ts';
import type { HttpApp } from './http/app.ts';
import { tracing } from './tracing.ts';

export const INTERNAL_HEADER = 'x-bazar-internal';

export interface ServiceRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  /** Sent as `Idempotency-Key`: repeats of the same call must return the first result. */
  idempotencyKey?: string;
}

export interface ServiceResponse<T = unknown> {
  status: number;
  body: T;
}

/** How one service calls another synchronously: in-process (`inject`) or over HTTP. */
export interface ServiceTransport {
  call<T = unknown>(request: ServiceRequest): Promise<ServiceResponse<T>>;
}

/** The host's directory of other services; `to('inventory')` gives a transport to it. */
export interface Clients {
  to(service: string): ServiceTransport;
}

function headersFor(request: ServiceRequest, internalToken: string, traceparent?: string): Record<string, string> {
  return {
    [INTERNAL_HEADER]: internalToken,
    ...(traceparent ? { traceparent } : {}),
    ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
    ...(request.idempotencyKey ? { 'idempotency-key': request.idempotencyKey } : {}),
  };
}

/** Embedded mode: every service is mounted on one app, so a call is a Fastify inject. */
export function injectClients(app: HttpApp, internalToken: string): Clients {
  const transport: ServiceTransport = {
    call<T>(request: ServiceRequest) {
      return tracedCall('local', request, async (traceparent) => {
        const response = await app.inject({
          method: request.method,
          url: request.path,
          headers: headersFor(request, internalToken, traceparent),
          ...(request.body === undefined ? {} : { payload: JSON.stringify(request.body) }),
        });
        const text = response.body;
        return { status: response.statusCode, body: (text ? JSON.parse(text) : null) as T };
      });
    },
  };
  return { to: () => transport };
}

/** Distributed mode: `<SERVICE>_URL` (e.g. INVENTORY_URL) names where each service listens. */
export function httpClients(env: Record<string, string | undefined>, internalToken: string, timeoutMs = 5_000): Clients {
  return {
    to(service) {
      const base = env[`${service.toUpperCase()}_URL`];
      return {
        call<T>(request: ServiceRequest) {
          return tracedCall(service, request, (traceparent) => send<T>(request, traceparent));
        },
      };
      async function send<T>(request: ServiceRequest, traceparent: string | undefined): Promise<ServiceResponse<T>> {
        if (!base) throw new DomainError('platform.service_unreachable', 503, `${service.toUpperCase()}_URL is not set`);
        const response = await fetch(new URL(request.path, base), {
          method: request.method,
          headers: headersFor(request, internalToken, traceparent),
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
          signal: AbortSignal.timeout(timeoutMs),
        }).catch((error: unknown) => {
          throw new DomainError('platform.service_unreachable', 503, `${service} did not answer`, undefined, { cause: error });
        });
        const text = await response.text();
        return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
      }
    },
  };
}

/** A client span around one service call; its trace context goes in the call's `traceparent` header. */
export function tracedCall<T>(
  service: string,
  request: ServiceRequest,
  send: (traceparent: string | undefined) => Promise<ServiceResponse<T>>,
): Promise<ServiceResponse<T>> {
  const traces = tracing();
  if (!traces.enabled) return send(undefined);
  const path = request.path.split('?', 1)[0];
  // Named after the callee, not the path: paths carry ids, and span names should be few.
  const span = traces.startSpan(`${request.method} ${service}`, {
    kind: 'client',
    attributes: { 'http.request.method': request.method, 'url.path': path, 'bazar.peer.service': service },
  });
  if (!span) return send(undefined);
  return span.run(async () => {
    try {
      const response = await send(span.traceparent);
      span.end({
        attributes: { 'http.response.status_code': response.status },
        ...(response.status >= 500 ? { error: `answered ${response.status}` } : {}),
      });
      return response;
    } catch (error) {
      span.end({ error });
      throw error;
    }
  });
}

/** Marks the internal-token guard, so the in-process transport knows it may skip it. */
export const INTERNAL_GUARD = Symbol.for('bazar.internalGuard');

/** Guard for `/internal/v1/*` routes: only other services (holding the shared token) may call. */
export function internalGuard(internalToken: string) {
  const expected = Buffer.from(internalToken);
  return Object.assign(
    async (request: FastifyRequest) => {
      const given = request.headers[INTERNAL_HEADER];
      const buffer = Buffer.from(typeof given === 'string' ? given : '');
      if (buffer.length !== expected.length || !timingSafeEqual(buffer, expected)) {
        throw new DomainError('auth.internal_only', 403, 'This route is for Bazar services only');
      }
    },
    { [INTERNAL_GUARD]: true },
  );
}

/**
 * Checks the internal token on every `/internal/` request before anything else runs, so an
 * outside caller learns nothing (not even body validation errors) from internal routes.
 */
export function guardInternalRoutes(app: HttpApp, internalToken: string) {
  const guard = internalGuard(internalToken);
  // Attached to internal routes only, as they are registered, so public requests pay nothing.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/internal/')) return;
    const existing = route.onRequest ? (Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest]) : [];
    route.onRequest = [guard as never, ...existing];
  });
}

/**
 * Turns another service's answer into a value or a thrown DomainError carrying its problem code
 * and status, so a 409 `inventory.out_of_stock` surfaces to the caller's client unchanged.
 */
export function expectOk<T>(response: ServiceResponse<unknown>, ...okStatuses: number[]): T {
  const ok = okStatuses.length > 0 ? okStatuses.includes(response.status) : response.status >= 200 && response.status < 300;
  if (ok) return response.body as T;
  const problem = (response.body ?? {}) as { code?: string; detail?: string; status?: number; [k: string]: unknown };
  const status = [400, 401, 403, 404, 409, 422, 429, 503].includes(response.status) ? response.status : 503;
  const { code, detail, type: _type, title: _title, status: _status, ...rest } = problem;
  throw new DomainError(
    code ?? 'platform.upstream_error',
    status as DomainError['status'],
    detail ?? `Upstream answered ${response.status}`,
    rest,
  );
}
