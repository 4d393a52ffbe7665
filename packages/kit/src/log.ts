import { type Logger, pino } from 'pino';
import { tracing } from './tracing.ts';

export type { Logger };

/**
 * One pino logger per process; services get children named after them. With tracing on, every
 * line written inside a span carries its `trace_id` and `span_id`.
 */
export function createLogger(level: string, base: Record<string, unknown> = {}): Logger {
  const traces = tracing();
  return pino({
    level,
    base: { ...base },
    timestamp: pino.stdTimeFunctions.isoTime,
    ...(traces.enabled ? { mixin: () => traces.logFields() ?? {} } : {}),
  });
}
