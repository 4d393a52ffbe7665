import amqp, { type Channel, type ChannelModel, type ConfirmChannel, type ConsumeMessage } from 'amqplib';
import type { Logger } from 'pino';
import type { EventEnvelope } from '../events/event.ts';
import { eventRedeliveries, eventsDeadLettered, eventsHandled, watchQueues } from '../metrics.ts';
import { type Bus, defaultRetryPolicy, type EnvelopeHandler, nextRetry, type RetryPolicy } from './bus.ts';

/** The topic exchange of an installation: `bazar.events` by default. */
export const exchangeName = (prefix: string) => `${prefix}.events`;

/** One consuming service's queue and the routing keys bound to it. */
export interface QueueBinding {
  group: string;
  keys: readonly string[];
}

interface Subscription extends QueueBinding {
  handler: EnvelopeHandler;
}

export interface AmqpBusOptions {
  url: string;
  log: Logger;
  retry?: RetryPolicy;
  prefetch?: number;
  /** Exchange and queue name prefix (`<prefix>.events`, `<prefix>.<group>`), so test runs do not share them. */
  prefix?: string;
  /**
   * Every consuming service's queue, declared at each connect before anything is published, so
   * an event sent before its consumer ever ran waits in the consumer's queue.
   */
  topology?: readonly QueueBinding[];
}

export const queueNames = (prefix: string, group: string) => ({
  main: `${prefix}.${group}`,
  retry: `${prefix}.${group}.retry`,
  dead: `${prefix}.${group}.dlq`,
});

/**
 * RabbitMQ bus: a topic exchange, one durable queue per consuming service (declared for every
 * service at connect, whether or not it runs here), publisher confirms, manual ack after the
 * handler's transaction commits, retries through a TTL queue with growing delays, then a
 * dead-letter queue. Reconnects by itself; while the broker is away `publish` rejects and the
 * outbox keeps the events.
 */
export async function createAmqpBus(options: AmqpBusOptions): Promise<Bus> {
  const { url, log } = options;
  const retry = options.retry ?? defaultRetryPolicy;
  const prefix = options.prefix ?? 'bazar';
  const exchange = exchangeName(prefix);
  const subscriptions: Subscription[] = [];
  const listeners: { keys: readonly string[]; handler: EnvelopeHandler }[] = [];
  let connection: ChannelModel | undefined;
  let publisher: ConfirmChannel | undefined;
  let consumer: Channel | undefined;
  let closed = false;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let reconnectAttempt = 0;

  async function consume(subscription: Subscription) {
    if (!consumer || !publisher) return;
    const names = queueNames(prefix, subscription.group);
    await declareQueues(consumer, prefix, subscription);
    const channel = consumer;
    await channel.consume(names.main, (message) => {
      if (message) void handleMessage(channel, subscription, message);
    });
  }

  /** A queue of this connection's own (server-named, gone with it) bound to the keys: every process gets its copy. */
  async function listen(listener: { keys: readonly string[]; handler: EnvelopeHandler }) {
    const channel = consumer;
    if (!channel) return;
    const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true, durable: false });
    for (const key of listener.keys) await channel.bindQueue(queue, exchange, key);
    await channel.consume(
      queue,
      (message) => {
        if (!message) return;
        try {
          const envelope = JSON.parse(message.content.toString('utf8')) as EventEnvelope;
          void listener.handler(envelope).catch((error) => log.warn({ err: error, eventId: envelope.id }, 'broadcast handler failed'));
        } catch (error) {
          log.warn({ err: error }, 'unreadable broadcast event');
        }
      },
      { noAck: true },
    );
  }

  async function handleMessage(channel: Channel, subscription: Subscription, message: ConsumeMessage) {
    const names = queueNames(prefix, subscription.group);
    const attempt = Number(message.properties.headers?.['x-attempt'] ?? 1);
    const consumer = { consumer: subscription.group };
    if (attempt > 1 || message.fields.redelivered) eventRedeliveries.inc(consumer);
    try {
      const envelope = JSON.parse(message.content.toString('utf8')) as EventEnvelope;
      await subscription.handler(envelope);
      channel.ack(message);
      eventsHandled.inc({ ...consumer, outcome: 'ok' });
    } catch (error) {
      eventsHandled.inc({ ...consumer, outcome: 'failed' });
      try {
        const next = nextRetry(retry, attempt, error);
        const isLast = next.deadLetter;
        const target = isLast ? names.dead : names.retry;
        const headers = { ...message.properties.headers, 'x-attempt': attempt + 1, 'x-last-error': String(error).slice(0, 300) };
        await sendConfirmed(target, message.content, {
          ...message.properties,
          headers,
          persistent: true,
          ...(next.deadLetter ? {} : { expiration: String(next.delayMs) }),
        });
        channel.ack(message);
        if (isLast) eventsDeadLettered.inc(consumer);
        log[isLast ? 'error' : 'warn'](
          { err: error, group: subscription.group, attempt },
          isLast ? 'event dead-lettered' : 'event handler failed; retrying',
        );
      } catch (requeueError) {
        // The broker will redeliver the unacked message when the channel closes.
        log.warn({ err: requeueError }, 'could not schedule a retry');
      }
    }
  }

  function sendConfirmed(queue: string, content: Buffer, properties: amqp.Options.Publish): Promise<void> {
    const channel = publisher;
    if (!channel) return Promise.reject(new Error('broker unavailable'));
    const { expiration, headers, persistent, messageId, contentType, type, timestamp } = properties;
    return new Promise((resolve, reject) => {
      channel.sendToQueue(queue, content, { expiration, headers, persistent, messageId, contentType, type, timestamp }, (error: unknown) =>
        error ? reject(error) : resolve(),
      );
    });
  }

  async function connect() {
    const model = await amqp.connect(url, { noDelay: true });
    model.on('error', (error: Error) => log.warn({ err: error }, 'broker connection error'));
    model.on('close', () => {
      connection = undefined;
      publisher = undefined;
      consumer = undefined;
      if (!closed) scheduleReconnect();
    });
    const confirm = await model.createConfirmChannel();
    confirm.on('error', () => {});
    const consuming = await model.createChannel();
    consuming.on('error', () => {});
    await declareTopology(consuming, prefix, options.topology ?? []);
    await consuming.prefetch(options.prefetch ?? 32);
    connection = model;
    publisher = confirm;
    consumer = consuming;
    for (const subscription of subscriptions) await consume(subscription);
    for (const listener of listeners) await listen(listener);
    if (reconnectAttempt > 0) log.info('broker connection restored');
    reconnectAttempt = 0;
  }

  function scheduleReconnect() {
    if (reconnectTimer || closed) return;
    reconnectAttempt++;
    const delay = Math.min(5_000, 100 * 2 ** Math.min(reconnectAttempt, 6));
    if (reconnectAttempt === 1) log.warn('broker connection lost; reconnecting');
    reconnectTimer = setTimeout(async () => {
      reconnectTimer = undefined;
      try {
        await connect();
      } catch {
        scheduleReconnect();
      }
    }, delay);
  }

  try {
    await connect();
  } catch (error) {
    log.warn({ err: error }, 'broker unavailable at start-up; will keep trying');
    scheduleReconnect();
  }
  // Queue depths at each scrape, on a channel of their own: a failed check closes its channel.
  const unwatch = watchQueues(async () => {
    if (!connection || subscriptions.length === 0) return [];
    const channel = await connection.createChannel();
    channel.on('error', () => {});
    try {
      const rows: { consumer: string; queue: string; messages: number }[] = [];
      for (const { group } of subscriptions) {
        const names = queueNames(prefix, group);
        for (const [queue, name] of [
          ['main', names.main],
          ['retry', names.retry],
          ['dead', names.dead],
        ] as const) {
          rows.push({ consumer: group, queue, messages: (await channel.checkQueue(name)).messageCount });
        }
      }
      return rows;
    } finally {
      await channel.close().catch(() => {});
    }
  });

  return {
    kind: 'amqp',
    publish(envelope) {
      const channel = publisher;
      if (!channel) return Promise.reject(new Error('broker unavailable'));
      const body = Buffer.from(JSON.stringify(envelope));
      return new Promise((resolve, reject) => {
        channel.publish(
          exchange,
          `${envelope.type}.v${envelope.version}`,
          body,
          {
            persistent: true,
            messageId: envelope.id,
            contentType: 'application/json',
            type: envelope.type,
            timestamp: Math.floor((Date.parse(envelope.occurredAt) || Date.now()) / 1000),
            headers: {
              'x-correlation-id': envelope.correlationId,
              ...(envelope.traceparent ? { traceparent: envelope.traceparent } : {}),
            },
          },
          (error: unknown) => (error ? reject(error) : resolve()),
        );
      });
    },
    async subscribe(group, keys, handler) {
      const subscription = { group, keys, handler };
      subscriptions.push(subscription);
      await consume(subscription);
    },
    async broadcast(keys, handler) {
      const listener = { keys, handler };
      listeners.push(listener);
      await listen(listener);
    },
    isConnected: () => !!publisher,
    async close() {
      closed = true;
      unwatch();
      clearTimeout(reconnectTimer);
      await connection?.close().catch(() => {});
    },
  };
}

/** A service's queue, its retry queue (dead-lettering back to it after a TTL) and its dead-letter queue, bound to its keys. */
async function declareQueues(channel: Channel, prefix: string, binding: QueueBinding) {
  const names = queueNames(prefix, binding.group);
  await channel.assertQueue(names.main, { durable: true });
  await channel.assertQueue(names.retry, {
    durable: true,
    arguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': names.main },
  });
  await channel.assertQueue(names.dead, { durable: true });
  for (const key of binding.keys) await channel.bindQueue(names.main, exchangeName(prefix), key);
}

/** The exchange and every consuming service's queues; idempotent, so every process may run it at start. */
export async function declareTopology(channel: Channel, prefix: string, bindings: readonly QueueBinding[]) {
  await channel.assertExchange(exchangeName(prefix), 'topic', { durable: true });
  for (const binding of bindings) await declareQueues(channel, prefix, binding);
}

/** `bazar migrate`: declares the topology on the broker and disconnects. */
export async function declareAmqpTopology(options: { url: string; prefix?: string; topology: readonly QueueBinding[] }) {
  const connection = await amqp.connect(options.url);
  try {
    await declareTopology(await connection.createChannel(), options.prefix ?? 'bazar', options.topology);
  } finally {
    await connection.close();
  }
}
