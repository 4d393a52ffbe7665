import type { HttpApp } from '@bazar/kit/http/app';
import { problem, sendProblem } from '@bazar/kit/http/problem';
import { requestTraceparent } from '@bazar/kit/http/trace-requests';
import replyFrom from '@fastify/reply-from';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ROUTE_TABLE, serviceForPath } from './route-table.ts';

/**
 * Distributed mode: forwards `/api/v1/*` and `/.well-known/*` to the service that owns the path,
 * found at `<SERVICE>_URL`. Requests to a service with no URL configured get 503.
 */
export async function proxyRoutes(app: HttpApp, env: Record<string, string | undefined>) {
  const upstreams = new Map(
    Object.keys(ROUTE_TABLE).flatMap((service) => {
      const url = env[`${service.toUpperCase()}_URL`];
      return url ? [[service, url.replace(/\/$/, '')] as const] : [];
    }),
  );
  await app.register(replyFrom, { http: { requestOptions: { timeout: 30_000 } } });
  // Bodies pass through untouched; the service validates them.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
  const forward = async (request: FastifyRequest, reply: FastifyReply) => {
    const service = serviceForPath(request.url);
    const upstream = service ? upstreams.get(service) : undefined;
    if (!service) return sendProblem(reply, problem(404, 'route.not_found', `No route ${request.method} ${request.url.split('?')[0]}`));
    if (!upstream)
      return sendProblem(reply, problem(503, 'gateway.service_unavailable', `${service} is not configured (${service.toUpperCase()}_URL)`));
    return reply.from(upstream + request.url, {
      // The client as this gateway sees it, replacing whatever the client claimed: per-address
      // limits in the services (logins, registrations, promo codes) count real clients.
      // The service's span continues the gateway's (when tracing is on).
      rewriteRequestHeaders: (_request, headers) => {
        const traceparent = requestTraceparent(request);
        return { ...headers, 'x-forwarded-for': request.ip, ...(traceparent ? { traceparent } : {}) };
      },
      onError: (_reply, { error }) =>
        sendProblem(reply, problem(502, 'gateway.upstream_error', `${service} did not answer: ${error.message}`)),
    });
  };
  app.all('/api/v1/*', { schema: { hide: true } }, forward);
  app.all('/.well-known/*', { schema: { hide: true } }, forward);
  return upstreams;
}
