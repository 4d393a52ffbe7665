/**
 * Distributed tracing as the platform sees it: spans around HTTP requests, service calls and
 * events, with W3C trace context carried in headers and event envelopes. The OpenTelemetry SDK
 * behind it is loaded only when `OTEL_EXPORTER_OTLP_ENDPOINT` is set; otherwise every call here is
 * a no-op and nothing of OpenTelemetry is imported (start-up and the request path stay as they were).
 */

import type { SpanHandle, SpanOptions, Tracing } from './tracer.ts';

export type { SpanAttributes, SpanHandle, SpanKind, SpanOptions, Tracing } from './tracer.ts';

const noTracing: Tracing = {
  enabled: false,
  startSpan: () => undefined,
  logFields: () => undefined,
  shutdown: async () => {},
};

let active: Tracing = noTracing;

/** The process's tracing (a no-op until `startTracing` found an endpoint). */
export const tracing = (): Tracing => active;

/**
 * Starts exporting spans over OTLP/HTTP when `OTEL_EXPORTER_OTLP_ENDPOINT` is set; once per
 * process (later calls return the first). Must run before the HTTP app and the logger are made.
 */
export async function startTracing(env: Record<string, string | undefined>, defaultServiceName: string): Promise<Tracing> {
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  if (active.enabled || !endpoint) return active;
  // Loaded on demand: the SDK adds start-up time and an AsyncLocalStorage the process otherwise does without.
  const { createOtelTracing } = await import('./otel.ts');
  active = await createOtelTracing({ endpoint, serviceName: env.OTEL_SERVICE_NAME?.trim() || defaultServiceName });
  return active;
}

/** Runs `work` inside a span of its own, ended when it settles (errors recorded and rethrown). */
export async function inSpan<T>(name: string, options: SpanOptions, work: (span: SpanHandle | undefined) => Promise<T>): Promise<T> {
  const span = active.startSpan(name, options);
  if (!span) return work(undefined);
  try {
    const result = await span.run(() => work(span));
    span.end();
    return result;
  } catch (error) {
    span.end({ error });
    throw error;
  }
}
