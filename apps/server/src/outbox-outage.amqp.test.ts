import { createAmqpBus } from '@bazar/kit/bus/amqp-bus';
import { createLogger } from '@bazar/kit/log';
import { startTcpProxy } from '@bazar/kit/tcp-proxy';
import { testAmqpUrl } from '@bazar/kit/testing';
import { describe, it } from 'vitest';
import { deleteTestQueues } from '../test/amqp-cleanup.ts';
import { runOutboxOutageScenario } from '../test/outbox-outage.ts';

describe('outbox on RabbitMQ', () => {
  it('keeps events while the broker is unreachable and delivers each exactly once after it returns', async () => {
    const broker = new URL(testAmqpUrl());
    const proxy = await startTcpProxy({ host: broker.hostname, port: Number(broker.port || 5672) });
    const prefix = `test${Date.now()}`;
    const log = createLogger('silent');
    const viaProxy = new URL(broker);
    viaProxy.port = String(proxy.port());
    const publisherBus = await createAmqpBus({ url: viaProxy.toString(), log, prefix });
    const consumerBus = await createAmqpBus({ url: broker.toString(), log, prefix });
    try {
      await runOutboxOutageScenario({
        publisherBus,
        consumerBus,
        group: 'registrations_consumer',
        cut: () => proxy.down(),
        restore: () => proxy.up(),
      });
    } finally {
      await publisherBus.close();
      await consumerBus.close();
      await proxy.down();
      await deleteTestQueues(broker.toString(), prefix, ['registrations_consumer']);
    }
  }, 90_000);
});
