import { describe, expect, it } from 'vitest';
import { createMemoryCounters } from './counters.ts';
import { backoffSeconds, createBackoff, limitAttempts, tooManyRequests } from './rate-limit.ts';

const refuse = (seconds: number) => tooManyRequests('test.too_many', 'Too many', seconds);

describe('backoffSeconds', () => {
  it('costs nothing before the free-th failure, then doubles from one second up to the cap', () => {
    expect([1, 4, 5, 6, 7, 11, 40].map((n) => backoffSeconds(n, 5, 900))).toEqual([0, 0, 1, 2, 4, 64, 900]);
  });
});

describe('createBackoff', () => {
  it('refuses during the wait with the seconds left, lets the next attempt through after it, and forgets on reset', async () => {
    let now = 0;
    const counters = createMemoryCounters(() => now);
    const backoff = createBackoff(counters, { name: 'login', windowSeconds: 900, refuse });
    const keys = [{ key: 'a|b', free: 3 }];
    for (let i = 0; i < 2; i++) {
      await backoff.check(keys);
      await backoff.fail(keys);
    }
    await backoff.check(keys);
    await backoff.fail(keys); // the third failure: wait 1 s
    await expect(backoff.check(keys)).rejects.toMatchObject({ status: 429, metadata: { retryAfterSeconds: 1 } });
    now += 1_000;
    await backoff.check(keys);
    await backoff.fail(keys); // the fourth: wait 2 s
    await expect(backoff.check(keys)).rejects.toMatchObject({ metadata: { retryAfterSeconds: 2 } });
    await backoff.reset(keys);
    await backoff.check(keys);
  });

  it('keeps each key apart: a key past its free failures does not hold back another', async () => {
    const backoff = createBackoff(createMemoryCounters(), { name: 'login', windowSeconds: 900, refuse });
    for (let i = 0; i < 5; i++) await backoff.fail([{ key: 'stranger|owner', free: 1 }]);
    await expect(backoff.check([{ key: 'stranger|owner', free: 1 }])).rejects.toMatchObject({ status: 429 });
    await backoff.check([{ key: 'home|owner', free: 1 }]);
  });
});

describe('limitAttempts', () => {
  it('lets max attempts through per window and refuses the next with the window left', async () => {
    let now = 0;
    const counters = createMemoryCounters(() => now);
    const attempt = () => limitAttempts(counters, { key: 'register:1.2.3.4', max: 2, windowSeconds: 60, refuse });
    await attempt();
    await attempt();
    now += 10_000;
    await expect(attempt()).rejects.toMatchObject({ status: 429, metadata: { retryAfterSeconds: 50 } });
    now += 50_000;
    await attempt();
  });
});
