import { exchangeName, queueNames } from '@bazar/kit/bus/amqp-bus';
import amqp from 'amqplib';

/** Deletes the queues and the exchange a test created under its own prefix, so runs leave the broker clean. */
export async function deleteTestQueues(url: string, prefix: string, groups: string[]) {
  const connection = await amqp.connect(url);
  try {
    const channel = await connection.createChannel();
    for (const group of groups) for (const name of Object.values(queueNames(prefix, group))) await channel.deleteQueue(name);
    await channel.deleteExchange(exchangeName(prefix));
  } finally {
    await connection.close();
  }
}
