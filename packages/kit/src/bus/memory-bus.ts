import type { Logger } from 'pino';
import type { EventEnvelope } from '../events/event.ts';
import { eventRedeliveries, eventsDeadLettered, eventsHandled } from '../metrics.ts';
import { type Bus, defaultRetryPolicy, type EnvelopeHandler, nextRetry, type RetryPolicy } from './bus.ts';

interface Subscription {
  group: string;
  keys: Set<string>;
  handler: EnvelopeHandler;
}

export interface MemoryBus extends Bus {
  /** Messages that exhausted their retries, newest last. */
  readonly deadLetters: { group: string; envelope: EventEnvelope; error: string }[];
}

/**
 * The embedded bus: `publish` delivers to every subscribing service and resolves when each
 * handler has succeeded or been dead-lettered. The outbox row is marked published only then,
 * so a crash mid-delivery means redelivery (deduplicated by the inbox), never loss.
 */
export function createMemoryBus(log?: Logger, retry: RetryPolicy = defaultRetryPolicy): MemoryBus {
  const subscriptions: Subscription[] = [];
  const listeners: { keys: Set<string>; handler: EnvelopeHandler }[] = [];
  const deadLetters: MemoryBus['deadLetters'] = [];
  let closed = false;

  async function deliver(subscription: Subscription, envelope: EventEnvelope) {
    const consumer = { consumer: subscription.group };
    for (let attempt = 1; ; attempt++) {
      if (attempt > 1) eventRedeliveries.inc(consumer);
      try {
        await subscription.handler(envelope);
        eventsHandled.inc({ ...consumer, outcome: 'ok' });
        return;
      } catch (error) {
        eventsHandled.inc({ ...consumer, outcome: 'failed' });
        const next = nextRetry(retry, attempt, error);
        if (next.deadLetter || closed) {
          eventsDeadLettered.inc(consumer);
          deadLetters.push({ group: subscription.group, envelope, error: String(error) });
          log?.error({ err: error, group: subscription.group, eventId: envelope.id }, 'event dead-lettered');
          return;
        }
        log?.warn({ err: error, group: subscription.group, eventId: envelope.id, attempt }, 'event handler failed');
        await new Promise((resolve) => setTimeout(resolve, next.delayMs));
      }
    }
  }

  return {
    kind: 'memory',
    deadLetters,
    async publish(envelope) {
      if (closed) throw new Error('bus is closed');
      const key = `${envelope.type}.v${envelope.version}`;
      for (const listener of listeners.filter((l) => l.keys.has(key))) {
        await listener.handler(envelope).catch((error) => log?.warn({ err: error, eventId: envelope.id }, 'broadcast handler failed'));
      }
      await Promise.all(subscriptions.filter((s) => s.keys.has(key)).map((s) => deliver(s, envelope)));
    },
    async broadcast(keys, handler) {
      listeners.push({ keys: new Set(keys), handler });
    },
    async subscribe(group, keys, handler) {
      subscriptions.push({ group, keys: new Set(keys), handler });
    },
    isConnected: () => !closed,
    async close() {
      closed = true;
    },
  };
}
