/** The tracing surface the platform codes against; `tracing.ts` picks the no-op or the OpenTelemetry one. */

export type SpanKind = 'server' | 'client' | 'producer' | 'consumer' | 'internal';
export type SpanAttributes = Record<string, string | number | boolean | undefined>;

export interface SpanOptions {
  kind: SpanKind;
  /** W3C `traceparent` to continue; the active span when absent. */
  parent?: string;
  attributes?: SpanAttributes;
}

/** A started span: end it once; `run` makes it the active span for the work (and what that work starts). */
export interface SpanHandle {
  /** This span's W3C `traceparent`, for the headers or envelope of what it sends. */
  readonly traceparent: string;
  run<T>(work: () => T): T;
  end(outcome?: { error?: unknown; attributes?: SpanAttributes }): void;
}

export interface Tracing {
  readonly enabled: boolean;
  startSpan(name: string, options: SpanOptions): SpanHandle | undefined;
  /** Trace and span ids of the active span, for log lines. */
  logFields(): { trace_id: string; span_id: string } | undefined;
  /** Sends what is buffered and stops exporting. */
  shutdown(): Promise<void>;
}
