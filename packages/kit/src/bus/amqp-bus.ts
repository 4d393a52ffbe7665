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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
  let connecting = false;
  let warnedClassic = false;
  let consuming = true;
  const consumerTags: string[] = [];
  /** Subscriptions and listeners set up on the current connection: each once, whoever gets there first. */
  let setUp = new Set<object>();
  const inFlight = new Set<Promise<void>>();

  async function consume(subscription: Subscription) {
    if (!consumer || !publisher || setUp.has(subscription)) return;
    setUp.add(subscription);
    const names = queueNames(prefix, subscription.group);
    const model = connection;
    if (model) {
      const channels = declaringChannels(model);
      await declareQueues(channels, prefix, subscription, { classic: [], converted: [] }).finally(() => channels.close());
    }
    const channel = consumer;
    if (!channel || !consuming) return;
    const { consumerTag } = await channel.consume(names.main, (message) => {
      if (!message) return;
      const handled = handleMessage(channel, subscription, message);
      inFlight.add(handled);
      void handled.finally(() => inFlight.delete(handled));
    });
    consumerTags.push(consumerTag);
  }

  /** A queue of this connection's own (server-named, gone with it) bound to the keys: every process gets its copy. */
  async function listen(listener: { keys: readonly string[]; handler: EnvelopeHandler }) {
    const channel = consumer;
    if (!channel || setUp.has(listener)) return;
    setUp.add(listener);
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

  /**
   * Drops a connection that can no longer do its work (a subscription or channel lost on it); its
   * close starts a reconnect, and the next connection sets every subscription up again.
   */
  function abandon(model: ChannelModel, error?: unknown) {
    if (connection !== model || closed) return;
    if (error) log.warn({ err: error }, 'broker connection unusable; reconnecting');
    void model.close().catch(() => {});
  }

  async function connect() {
    const model = await amqp.connect(url, { noDelay: true });
    model.on('error', (error: Error) => log.warn({ err: error }, 'broker connection error'));
    model.on('close', () => {
      // An older connection closing late leaves the current one alone.
      if (connection !== model && connection !== undefined) return;
      connection = undefined;
      publisher = undefined;
      consumer = undefined;
      if (!closed) scheduleReconnect();
    });
    try {
      const confirm = await model.createConfirmChannel();
      confirm.on('error', () => {});
      const channelForConsumers = await model.createChannel();
      channelForConsumers.on('error', () => {});
      // A channel the broker closed on its own (a refused operation) would leave publishing or consuming dead.
      for (const channel of [confirm, channelForConsumers]) channel.on('close', () => abandon(model));
      const declared = await declareTopology(model, prefix, options.topology ?? []);
      if (declared.classic.length > 0 && !warnedClassic) {
        warnedClassic = true;
        log.warn({ queues: declared.classic }, 'classic queues from an older install kept; see README "Moving to quorum queues"');
      }
      await channelForConsumers.prefetch(options.prefetch ?? 32);
      connection = model;
      publisher = confirm;
      consumer = channelForConsumers;
      consumerTags.length = 0;
      setUp = new Set();
      for (const subscription of subscriptions) await consume(subscription);
      for (const listener of listeners) await listen(listener);
    } catch (error) {
      // Half set up is not kept: the next attempt starts on a fresh connection.
      if (connection === model) connection = publisher = consumer = undefined;
      await model.close().catch(() => {});
      throw error;
    }
    if (reconnectAttempt > 0) log.info('broker connection restored');
    reconnectAttempt = 0;
  }

  /** One connect at a time; a failed one, or a connection lost while connecting, tries again with growing delays. */
  async function connectOnce() {
    connecting = true;
    try {
      await connect();
    } finally {
      connecting = false;
    }
  }

  function scheduleReconnect() {
    if (reconnectTimer || connecting || closed) return;
    reconnectAttempt++;
    const delay = Math.min(5_000, 100 * 2 ** Math.min(reconnectAttempt, 6));
    if (reconnectAttempt === 1) log.warn('broker connection lost; reconnecting');
    reconnectTimer = setTimeout(async () => {
      reconnectTimer = undefined;
      await connectOnce().catch(() => {});
      if (!connection) scheduleReconnect();
    }, delay);
  }

  try {
    await connectOnce();
  } catch (error) {
    log.warn({ err: error }, 'broker unavailable at start-up; will keep trying');
  }
  if (!connection) scheduleReconnect();
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
    // A connection lost while subscribing is not the caller's failure: the next one subscribes.
    async subscribe(group, keys, handler) {
      const subscription = { group, keys, handler };
      subscriptions.push(subscription);
      const model = connection;
      await consume(subscription).catch((error: unknown) => model && abandon(model, error));
    },
    async broadcast(keys, handler) {
      const listener = { keys, handler };
      listeners.push(listener);
      const model = connection;
      await listen(listener).catch((error: unknown) => model && abandon(model, error));
    },
    isConnected: () => !!publisher,
    async stopConsuming() {
      consuming = false;
      const channel = consumer;
      if (channel) for (const tag of consumerTags.splice(0)) await channel.cancel(tag).catch(() => {});
      // A handler runs one transaction; one that outlasts this is redelivered to another process.
      const until = Date.now() + 15_000;
      while (inFlight.size > 0 && Date.now() < until) await Promise.race([Promise.allSettled([...inFlight]), sleep(250)]);
    },
    async close() {
      closed = true;
      unwatch();
      clearTimeout(reconnectTimer);
      await connection?.close().catch(() => {});
    },
  };
}

/**
 * Quorum queues: replicated by a RabbitMQ cluster, and kept on disk with publisher confirms. The
 * retry queue dead-letters at least once (a message expiring there is not lost if a node dies
 * mid-way), which RabbitMQ allows only with `reject-publish` overflow.
 */
const QUORUM = { 'x-queue-type': 'quorum' } as const;
const queueArguments = (prefix: string, group: string) => {
  const names = queueNames(prefix, group);
  return [
    { name: names.main, arguments: { ...QUORUM } },
    {
      name: names.retry,
      arguments: {
        ...QUORUM,
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': names.main,
        'x-dead-letter-strategy': 'at-least-once',
        'x-overflow': 'reject-publish',
      },
    },
    { name: names.dead, arguments: { ...QUORUM } },
  ];
};

/** What declaring found: queues created before quorum queues (classic) are kept as they are, and named. */
export interface DeclaredTopology {
  classic: string[];
  converted: string[];
}

/**
 * Declares a service's queue, its retry queue (dead-lettering back to it after a TTL) and its
 * dead-letter queue as quorum queues, bound to its keys. A classic queue of the same name (an
 * install from before) makes RabbitMQ refuse the declaration and close the channel: it is kept
 * and reported, or, with `convertEmpty`, deleted and declared again when it holds nothing and
 * nobody consumes it (`bazar migrate` with every service stopped).
 */
async function declareQueues(
  channels: Channels,
  prefix: string,
  binding: QueueBinding,
  found: DeclaredTopology,
  convertEmpty = false,
): Promise<void> {
  for (const queue of queueArguments(prefix, binding.group)) {
    if (await channels.attempt((channel) => channel.assertQueue(queue.name, { durable: true, arguments: queue.arguments }))) continue;
    const depth = await channels.attempt((channel) => channel.checkQueue(queue.name));
    if (convertEmpty && depth && depth.messageCount === 0 && depth.consumerCount === 0) {
      await channels.attempt((channel) => channel.deleteQueue(queue.name, { ifEmpty: true, ifUnused: true }));
      if (await channels.attempt((channel) => channel.assertQueue(queue.name, { durable: true, arguments: queue.arguments }))) {
        found.converted.push(queue.name);
        continue;
      }
    }
    found.classic.push(queue.name);
  }
  await channels.attempt(async (channel) => {
    for (const key of binding.keys) await channel.bindQueue(queueNames(prefix, binding.group).main, exchangeName(prefix), key);
    return true;
  });
}

/**
 * One channel for a run of declarations, replaced when the broker refuses one (a refusal closes
 * the channel it happened on), so only a refused declaration costs a new channel.
 */
interface Channels {
  attempt<T>(work: (channel: Channel) => Promise<T>): Promise<T | undefined>;
  close(): Promise<void>;
}

function declaringChannels(model: ChannelModel): Channels {
  let current: Channel | undefined;
  const open = async () => {
    if (!current) {
      const channel = await model.createChannel();
      channel.on('error', () => {});
      channel.on('close', () => {
        if (current === channel) current = undefined;
      });
      current = channel;
    }
    return current;
  };
  return {
    async attempt(work) {
      const channel = await open();
      try {
        return await work(channel);
      } catch (error) {
        const code = (error as { code?: number }).code;
        if (current === channel) current = undefined;
        await channel.close().catch(() => {});
        if (code === 406 || code === 404) return undefined;
        throw error;
      }
    },
    async close() {
      await current?.close().catch(() => {});
      current = undefined;
    },
  };
}

/** The exchange and every consuming service's queues; idempotent, so every process may run it at start. */
export async function declareTopology(
  model: ChannelModel,
  prefix: string,
  bindings: readonly QueueBinding[],
  convertEmpty = false,
): Promise<DeclaredTopology> {
  const found: DeclaredTopology = { classic: [], converted: [] };
  const channel = await model.createChannel();
  try {
    await channel.assertExchange(exchangeName(prefix), 'topic', { durable: true });
  } finally {
    await channel.close().catch(() => {});
  }
  const channels = declaringChannels(model);
  try {
    for (const binding of bindings) await declareQueues(channels, prefix, binding, found, convertEmpty);
  } finally {
    await channels.close();
  }
  return found;
}

/**
 * `bazar migrate`: declares the topology on the broker and disconnects. Run with every service
 * stopped, it also turns the empty classic queues of an older install into quorum queues.
 */
export async function declareAmqpTopology(options: {
  url: string;
  prefix?: string;
  topology: readonly QueueBinding[];
}): Promise<DeclaredTopology> {
  const connection = await amqp.connect(options.url);
  try {
    return await declareTopology(connection, options.prefix ?? 'bazar', options.topology, true);
  } finally {
    await connection.close();
  }
}
