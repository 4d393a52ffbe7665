import type { HttpApp } from '@bazar/kit/http/app';
import { platformMetrics } from '@bazar/kit/metrics';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { Type } from 'typebox';

export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

/**
 * `/health` (the process answers), `/ready` (its database and broker answer) and `/metrics`
 * (Prometheus: process metrics and a request-duration histogram per route).
 */
export function opsRoutes(app: HttpApp, checks: ReadinessCheck[]) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'bazar_' });
  const duration = new Histogram({
    name: 'bazar_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  // One labelled child per route, method and status: prom-client hashes a label object on every call otherwise.
  const series = new Map<string, ReturnType<typeof duration.labels>>();
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const key = `${request.method} ${reply.statusCode} ${route}`;
    let child = series.get(key);
    if (!child) {
      child = duration.labels({ method: request.method, route, status: String(reply.statusCode) });
      series.set(key, child);
    }
    child.observe(reply.elapsedTime / 1000);
    done();
  });

  const tags = ['operations'];
  const alive = 'Answers 200 while the process runs, without touching the database or the broker (a liveness probe).';
  app.get(
    '/health',
    {
      schema: {
        tags,
        summary: 'Alive',
        description: alive,
        response: { 200: Type.Object({ status: Type.Literal('ok') }, { examples: [{ status: 'ok' }] }) },
      },
    },
    async () => ({
      status: 'ok' as const,
    }),
  );
  app.get(
    '/ready',
    {
      schema: {
        tags,
        summary: 'Ready to serve',
        description:
          'Checks the database and the event bus: 200 when every check passes, else 503 naming the failing one (a readiness probe).',
        response: {
          200: Type.Object(
            { status: Type.String(), checks: Type.Record(Type.String(), Type.String()) },
            { examples: [{ status: 'ready', checks: { database: 'ok', bus: 'ok' } }] },
          ),
          503: Type.Object({ status: Type.String(), checks: Type.Record(Type.String(), Type.String()) }),
        },
      },
    },
    async (_request, reply) => {
      const results: Record<string, string> = {};
      await Promise.all(
        checks.map(async (c) => {
          results[c.name] = await c.check().then(
            () => 'ok',
            (error: unknown) => `failing: ${String(error).slice(0, 200)}`,
          );
        }),
      );
      const ready = Object.values(results).every((r) => r === 'ok');
      return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks: results });
    },
  );
  app.get('/metrics', { schema: { tags, hide: true } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return Registry.merge([registry, platformMetrics]).metrics();
  });
}
