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
  /** True while the bus can accept publishes (broker connected). */
  isConnected(): boolean;
  close(): Promise<void>;
}

export interface RetryPolicy {
  /** Attempts before a message is dead-lettered. */
  maxAttempts: number;
  /** Delay before retry n (1-based). */
  delayMs(attempt: number): number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  delayMs: (attempt) => Math.min(30_000, 100 * 2 ** (attempt - 1)),
};
