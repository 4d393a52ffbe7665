import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type * as Api from '@opentelemetry/api';
import type * as ContextAsyncHooks from '@opentelemetry/context-async-hooks';
import type * as Core from '@opentelemetry/core';
import type * as Exporter from '@opentelemetry/exporter-trace-otlp-http';
import type * as Resources from '@opentelemetry/resources';
import type * as Sdk from '@opentelemetry/sdk-trace-base';
import type { SpanAttributes, SpanHandle, SpanKind, Tracing } from './tracer.ts';

// Resolved from this package, not from wherever the running bundle sits: another copy of the SDK
// (an older major some tool depends on) may be hoisted above it.
const fromKit = createRequire(import.meta.url);
async function load<T>(name: string): Promise<T> {
  const loaded = (await import(pathToFileURL(fromKit.resolve(name)).href)) as T & { default?: T };
  // These are CommonJS modules: Node's own loader names their exports, a TypeScript loader may put
  // them under `default` (and the API's `default` is a smaller object): the named ones win.
  return { ...loaded.default, ...loaded };
}

const clean = (attributes: SpanAttributes | undefined): Api.Attributes =>
  Object.fromEntries(Object.entries(attributes ?? {}).filter(([, value]) => value !== undefined)) as Api.Attributes;

/** The OpenTelemetry SDK exporting over OTLP/HTTP (JSON) in batches, context kept in AsyncLocalStorage. */
export async function createOtelTracing(options: { endpoint: string; serviceName: string }): Promise<Tracing> {
  const api = await load<typeof Api>('@opentelemetry/api');
  const core = await load<typeof Core>('@opentelemetry/core');
  const sdk = await load<typeof Sdk>('@opentelemetry/sdk-trace-base');
  const { AsyncLocalStorageContextManager } = await load<typeof ContextAsyncHooks>('@opentelemetry/context-async-hooks');
  const { resourceFromAttributes } = await load<typeof Resources>('@opentelemetry/resources');
  const { OTLPTraceExporter } = await load<typeof Exporter>('@opentelemetry/exporter-trace-otlp-http');

  const exporter = new OTLPTraceExporter({ url: `${options.endpoint.replace(/\/+$/, '')}/v1/traces` });
  const provider = new sdk.BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    spanProcessors: [new sdk.BatchSpanProcessor(exporter)],
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  api.context.setGlobalContextManager(contextManager);
  const tracer = provider.getTracer('bazar');
  const propagator = new core.W3CTraceContextPropagator();
  const kinds: Record<SpanKind, Api.SpanKind> = {
    server: api.SpanKind.SERVER,
    client: api.SpanKind.CLIENT,
    producer: api.SpanKind.PRODUCER,
    consumer: api.SpanKind.CONSUMER,
    internal: api.SpanKind.INTERNAL,
  };
  const parentContext = (traceparent: string | undefined) =>
    traceparent ? propagator.extract(api.ROOT_CONTEXT, { traceparent }, api.defaultTextMapGetter) : api.context.active();

  return {
    enabled: true,
    startSpan(name, spanOptions): SpanHandle {
      const parent = parentContext(spanOptions.parent);
      const span = tracer.startSpan(name, { kind: kinds[spanOptions.kind], attributes: clean(spanOptions.attributes) }, parent);
      const context = api.trace.setSpan(parent, span);
      const { traceId, spanId, traceFlags } = span.spanContext();
      return {
        traceparent: `00-${traceId}-${spanId}-${traceFlags.toString(16).padStart(2, '0')}`,
        run: (work) => api.context.with(context, work),
        end(outcome) {
          if (outcome?.attributes) span.setAttributes(clean(outcome.attributes));
          if (outcome?.error !== undefined) {
            span.recordException(outcome.error instanceof Error ? outcome.error : String(outcome.error));
            span.setStatus({ code: api.SpanStatusCode.ERROR, message: String(outcome.error).slice(0, 300) });
          }
          span.end();
        },
      };
    },
    logFields() {
      const span = api.trace.getSpan(api.context.active());
      if (!span) return undefined;
      const { traceId, spanId } = span.spanContext();
      return { trace_id: traceId, span_id: spanId };
    },
    async shutdown() {
      await provider.shutdown();
      contextManager.disable();
    },
  };
}
