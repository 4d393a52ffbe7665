import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type SpanHandle, tracing } from '../tracing.ts';

const spans = new WeakMap<FastifyRequest, SpanHandle>();

/** The trace context of a request's server span, for a proxy to send on (undefined when tracing is off). */
export const requestTraceparent = (request: FastifyRequest): string | undefined => spans.get(request)?.traceparent;

/**
 * A server span per request when tracing is on (nothing is added otherwise): it continues the
 * caller's `traceparent`, is named after the route, and its handler runs inside it, so the service
 * calls and events the handler makes belong to the same trace.
 */
export function traceRequests(app: FastifyInstance) {
  const traces = tracing();
  if (!traces.enabled) return;
  app.addHook('onRequest', (request, _reply, done) => {
    const given = request.headers.traceparent;
    const route = request.routeOptions.url ?? 'unmatched';
    const span = traces.startSpan(`${request.method} ${route}`, {
      kind: 'server',
      ...(typeof given === 'string' ? { parent: given } : {}),
      attributes: { 'http.request.method': request.method, 'http.route': route, 'bazar.request_id': request.id },
    });
    if (span) {
      spans.set(request, span);
      // Lines logged for the request, in its handler or by the error handler after it, name its trace.
      const [, traceId, spanId] = span.traceparent.split('-');
      request.log = request.log.child({ trace_id: traceId, span_id: spanId });
    }
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    const status = reply.statusCode;
    spans.get(request)?.end({
      attributes: { 'http.response.status_code': status },
      ...(status >= 500 ? { error: `answered ${status}` } : {}),
    });
    done();
  });
  app.addHook('onRoute', (route) => {
    const handler = route.handler;
    route.handler = function traced(this: unknown, request, reply) {
      const span = spans.get(request);
      return span ? span.run(() => handler.call(this as never, request, reply)) : handler.call(this as never, request, reply);
    };
  });
}
