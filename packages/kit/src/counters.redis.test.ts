import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryCounters, createRedisCounters } from './counters.ts';
import { testRedisUrl } from './testing.ts';

const redis = createRedisCounters(testRedisUrl(), `bazar-test:${randomUUID()}:`);
afterAll(() => redis.close());

describe.each([
  ['memory', createMemoryCounters()],
  ['redis', redis],
])('%s counters', (_name, counters) => {
  it('counts within a window, reports its remaining time, and resets', async () => {
    expect(await counters.increment('k', 60)).toBe(1);
    expect(await counters.increment('k', 60)).toBe(2);
    expect(await counters.get('k')).toBe(2);
    expect(await counters.ttl('k')).toBeGreaterThan(55);
    await counters.reset('k');
    expect(await counters.get('k')).toBe(0);
  });

  it('starts over when the window has passed', async () => {
    await counters.increment('short', 1);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await counters.get('short')).toBe(0);
  });
});
