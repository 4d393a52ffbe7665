import { describe, expect, it } from 'vitest';
import { NotYet } from '../errors.ts';
import { envelope } from '../events/event.ts';
import { createMemoryBus } from './memory-bus.ts';

const retry = { maxAttempts: 3, delayMs: () => 1 };
const event = (type: string) => envelope({ type, version: 1, data: {} }, 'test');

describe('memory bus', () => {
  it('resolves publish only after every subscribed group has handled the event', async () => {
    const bus = createMemoryBus(undefined, retry);
    const handled: string[] = [];
    await bus.subscribe('a', ['x.done.v1'], async () => {
      await new Promise((r) => setTimeout(r, 10));
      handled.push('a');
    });
    await bus.subscribe('b', ['x.done.v1'], async () => void handled.push('b'));
    await bus.subscribe('c', ['y.other.v1'], async () => void handled.push('c'));
    await bus.publish(event('x.done'));
    expect(handled.sort()).toEqual(['a', 'b']);
  });

  it('retries a failing handler, then dead-letters it without blocking other groups', async () => {
    const bus = createMemoryBus(undefined, retry);
    let attempts = 0;
    const ok: string[] = [];
    await bus.subscribe('bad', ['x.done.v1'], async () => {
      attempts++;
      throw new Error('nope');
    });
    await bus.subscribe('good', ['x.done.v1'], async (e) => void ok.push(e.id));
    const e = event('x.done');
    await bus.publish(e);
    expect(attempts).toBe(3);
    expect(ok).toEqual([e.id]);
    expect(bus.deadLetters).toEqual([{ group: 'bad', envelope: e, error: 'Error: nope' }]);
  });

  it('retries a handler that answers "not yet" past the ordinary attempts, until it can', async () => {
    const bus = createMemoryBus(undefined, { ...retry, notYetMaxAttempts: 20, notYetDelayMs: () => 1 });
    let attempts = 0;
    await bus.subscribe('late', ['x.done.v1'], async () => {
      if (++attempts < 10) throw new NotYet('the order is still being written');
    });
    await bus.publish(event('x.done'));
    expect(attempts).toBe(10);
    expect(bus.deadLetters).toEqual([]);
  });

  it('retries a handler whose database is unreachable past the ordinary attempts', async () => {
    const bus = createMemoryBus(undefined, { ...retry, notYetMaxAttempts: 20, notYetDelayMs: () => 1 });
    let attempts = 0;
    await bus.subscribe('cut', ['x.done.v1'], async () => {
      if (++attempts < 6) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    });
    await bus.publish(event('x.done'));
    expect(attempts).toBe(6);
    expect(bus.deadLetters).toEqual([]);
  });

  it('refuses publishes after close', async () => {
    const bus = createMemoryBus();
    await bus.close();
    expect(bus.isConnected()).toBe(false);
    await expect(bus.publish(event('x.done'))).rejects.toThrow('closed');
  });
});
