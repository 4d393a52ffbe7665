import { describe, expect, it } from 'vitest';
import { inSpan, startTracing, tracing } from './tracing.ts';

describe('tracing switched off', () => {
  it('stays a no-op without OTEL_EXPORTER_OTLP_ENDPOINT (an empty one included): no spans, no log fields', async () => {
    for (const env of [{}, { OTEL_EXPORTER_OTLP_ENDPOINT: '' }, { OTEL_EXPORTER_OTLP_ENDPOINT: '  ' }]) {
      const traces = await startTracing(env, 'bazar-test');
      expect(traces.enabled).toBe(false);
      expect(tracing()).toBe(traces);
    }
    expect(tracing().startSpan('GET /x', { kind: 'server' })).toBeUndefined();
    expect(tracing().logFields()).toBeUndefined();
    expect(await inSpan('work', { kind: 'internal' }, async (span) => (span === undefined ? 'ran without a span' : 'span'))).toBe(
      'ran without a span',
    );
    await expect(inSpan('work', { kind: 'internal' }, async () => Promise.reject(new Error('kept')))).rejects.toThrow('kept');
  });
});
