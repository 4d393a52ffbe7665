import { describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../events/event.ts';
import { createMemoryBus } from './memory-bus.ts';

const event = (type: string): EventEnvelope => ({
  id: `e-${type}`,
  type,
  version: 1,
  occurredAt: new Date(0).toISOString(),
  source: 'identity',
  correlationId: 'c',
  data: {},
});

describe('memory bus broadcast', () => {
  it('hands every listener the events of its keys, and a failing listener fails no publish', async () => {
    const bus = createMemoryBus();
    const seen: string[] = [];
    await bus.broadcast(['identity.user_roles_changed.v1'], async (e) => void seen.push(`a:${e.type}`));
    await bus.broadcast(['identity.user_roles_changed.v1'], async () => {
      throw new Error('listener broke');
    });
    await bus.broadcast(['other.v1'], async (e) => void seen.push(`b:${e.type}`));
    await bus.publish(event('identity.user_roles_changed'));
    expect(seen).toEqual(['a:identity.user_roles_changed']);
  });
});
