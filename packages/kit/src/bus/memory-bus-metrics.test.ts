import { describe, expect, it } from 'vitest';
import { envelope } from '../events/event.ts';
import { platformMetrics } from '../metrics.ts';
import { createMemoryBus } from './memory-bus.ts';

const value = async (name: string, labels: Record<string, string>) => {
  const metric = (await platformMetrics.getMetricsAsJSON()).find((m) => m.name === name);
  const found = metric?.values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l));
  return found?.value ?? 0;
};

describe('memory bus metrics', () => {
  it('counts deliveries by outcome, redeliveries after a failure and dead letters, per consuming service', async () => {
    const bus = createMemoryBus(undefined, { maxAttempts: 2, delayMs: () => 1 });
    const consumer = `metrics-${Date.now()}`;
    let calls = 0;
    await bus.subscribe(consumer, ['x.flaky.v1'], async () => {
      if (++calls === 1) throw new Error('first try fails');
    });
    await bus.subscribe(`${consumer}-broken`, ['x.flaky.v1'], async () => {
      throw new Error('always');
    });
    await bus.publish(envelope({ type: 'x.flaky', version: 1, data: {} }, 'test'));

    expect(await value('bazar_events_handled_total', { consumer, outcome: 'failed' })).toBe(1);
    expect(await value('bazar_events_handled_total', { consumer, outcome: 'ok' })).toBe(1);
    expect(await value('bazar_event_redeliveries_total', { consumer })).toBe(1);
    expect(await value('bazar_events_dead_lettered_total', { consumer })).toBe(0);
    expect(await value('bazar_events_handled_total', { consumer: `${consumer}-broken`, outcome: 'failed' })).toBe(2);
    expect(await value('bazar_events_dead_lettered_total', { consumer: `${consumer}-broken` })).toBe(1);
  });
});
