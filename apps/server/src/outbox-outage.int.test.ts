import type { Bus } from '@bazar/kit/bus/bus';
import { createMemoryBus } from '@bazar/kit/bus/memory-bus';
import { describe, it } from 'vitest';
import { runOutboxOutageScenario } from '../test/outbox-outage.ts';

describe('outbox on the embedded bus', () => {
  it('keeps events through a bus outage and delivers each exactly once to the consumer effect', async () => {
    const memory = createMemoryBus();
    let down = false;
    const bus: Bus = {
      ...memory,
      publish: (envelope) => (down ? Promise.reject(new Error('bus down')) : memory.publish(envelope)),
    };
    await runOutboxOutageScenario({
      publisherBus: bus,
      consumerBus: bus,
      group: 'registrations_consumer',
      cut: async () => {
        down = true;
      },
      restore: async () => {
        down = false;
      },
    });
  });
});
