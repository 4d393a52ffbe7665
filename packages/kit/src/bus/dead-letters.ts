import amqp from 'amqplib';
import { queueNames } from './amqp-bus.ts';

export interface DeadLetter {
  group: string;
  type: string;
  eventId: string;
  attempts: number;
  error: string;
  body: string;
}

/** A group's dead-letter queue, or undefined when the broker has none (checkQueue closes the channel it fails on). */
async function deadQueueDepth(connection: amqp.ChannelModel, name: string): Promise<number | undefined> {
  const channel = await connection.createChannel();
  channel.on('error', () => {});
  try {
    return (await channel.checkQueue(name)).messageCount;
  } catch {
    return undefined;
  } finally {
    await channel.close().catch(() => {});
  }
}

/**
 * What the dead-letter queues of `groups` hold, read without taking anything away (the messages
 * go back when the channel closes), or with `replay`, sent back to each group's queue for a fresh
 * set of attempts and then removed.
 */
export async function deadLetters(options: { url: string; prefix: string; groups: string[]; replay?: boolean }): Promise<DeadLetter[]> {
  const connection = await amqp.connect(options.url);
  const found: DeadLetter[] = [];
  try {
    for (const group of options.groups) {
      const names = queueNames(options.prefix, group);
      const depth = await deadQueueDepth(connection, names.dead);
      if (!depth) continue;
      const channel = await connection.createConfirmChannel();
      try {
        for (let i = 0; i < depth; i++) {
          const message = await channel.get(names.dead, { noAck: false });
          if (!message) break;
          const headers = message.properties.headers ?? {};
          const body = message.content.toString('utf8');
          const envelope = safeJson(body);
          found.push({
            group,
            type: String(envelope?.type ?? message.properties.type ?? '?'),
            eventId: String(envelope?.id ?? message.properties.messageId ?? '?'),
            attempts: Number(headers['x-attempt'] ?? 1) - 1,
            error: String(headers['x-last-error'] ?? ''),
            body,
          });
          if (!options.replay) continue;
          const { 'x-attempt': _attempt, 'x-last-error': _error, ...rest } = headers;
          channel.sendToQueue(names.main, message.content, {
            ...message.properties,
            headers: { ...rest, 'x-replayed': true },
            persistent: true,
          });
          await channel.waitForConfirms();
          channel.ack(message);
        }
      } finally {
        // Unacknowledged messages (a listing) return to the dead-letter queue.
        await channel.close().catch(() => {});
      }
    }
  } finally {
    await connection.close().catch(() => {});
  }
  return found;
}

const safeJson = (text: string): { type?: unknown; id?: unknown } | undefined => {
  try {
    return JSON.parse(text) as { type?: unknown; id?: unknown };
  } catch {
    return undefined;
  }
};
