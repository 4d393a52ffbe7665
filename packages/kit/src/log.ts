import { type Logger, pino } from 'pino';

export type { Logger };

/** One pino logger per process; services get children named after them. */
export function createLogger(level: string, base: Record<string, unknown> = {}): Logger {
  return pino({ level, base: { ...base }, timestamp: pino.stdTimeFunctions.isoTime });
}
