import { isNotYet, isUnreachable } from '../errors.ts';
import type { EventEnvelope } from '../events/event.ts';

export type EnvelopeHandler = (envelope: EventEnvelope) => Promise<void>;

/**
 * Carries integration events between services. `publish` resolves only once the event is
 * accepted (broker confirm, or delivered in-process), so the outbox relay can mark it sent.
 */
export interface Bus {
  readonly kind: 'memory' | 'amqp';
  publish(envelope: EventEnvelope): Promise<void>;
  /** One durable subscription per consuming service (`group`), bound to event keys. */
  subscribe(group: string, keys: string[], handler: EnvelopeHandler): Promise<void>;
  /**
   * Every process gets every event of these keys (a durable subscription gives each event to one
   * process of a service): for state each process keeps, such as revoked tokens. At most once: no
   * retries, and nothing waits for a process while it is away.
   */
  broadcast(keys: string[], handler: EnvelopeHandler): Promise<void>;
  /** True while the bus can accept publishes (broker connected). */
  isConnected(): boolean;
  /**
   * Graceful shutdown: take no more deliveries, wait for the handlers already running and ack what
   * they handled; publishing still works, so the outbox relay may flush before `close`.
   */
  stopConsuming?(): Promise<void>;
  close(): Promise<void>;
}

export interface RetryPolicy {
  /** Attempts before a message is dead-lettered. */
  maxAttempts: number;
  /** Delay before retry n (1-based). */
  delayMs(attempt: number): number;
  /**
   * Attempts for a handler that answered "not yet" (`NotYet`: its aggregate is still being written)
   * or could not reach its database or another service (a restart, a cut connection).
   */
  notYetMaxAttempts?: number;
  notYetDelayMs?(attempt: number): number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  delayMs: (attempt) => Math.min(30_000, 100 * 2 ** (attempt - 1)),
  // ~33 minutes: a stalled checkout is settled by its recovery long before. Short delays, since a
  // RabbitMQ retry queue expires messages from its head only.
  notYetMaxAttempts: 400,
  notYetDelayMs: (attempt) => Math.min(5_000, 250 * 2 ** (attempt - 1)),
};

/** Whether the failure of attempt n ends in the dead-letter queue, and if not, how long until the next. */
export function nextRetry(
  retry: RetryPolicy,
  attempt: number,
  error: unknown,
): { deadLetter: true } | { deadLetter: false; delayMs: number } {
  const notYet = isNotYet(error) || isUnreachable(error);
  const max = notYet ? (retry.notYetMaxAttempts ?? retry.maxAttempts) : retry.maxAttempts;
  if (attempt >= max) return { deadLetter: true };
  return { deadLetter: false, delayMs: notYet && retry.notYetDelayMs ? retry.notYetDelayMs(attempt) : retry.delayMs(attempt) };
}
