import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { findUnsafeValue } from './unsafe-values.ts';

/** A live request as the gateway sees a body it passes through: a stream tied to its socket and server. */
async function withLiveRequest(check: (request: IncomingMessage) => void) {
  const server = createServer((request, response) => {
    check(request);
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { method: 'POST', body: '{"a":1}' });
  } finally {
    server.close();
  }
}

describe('findUnsafeValue', () => {
  it('names the field of a NUL character, an unpaired surrogate or a number beyond 2^53 in parsed JSON', () => {
    expect(findUnsafeValue({ a: { b: ['ok', 'x\u0000'] } })?.path).toBe('a.b.1');
    expect(findUnsafeValue({ name: '\ud800' })?.path).toBe('name');
    expect(findUnsafeValue({ price: 2 ** 60 })?.path).toBe('price');
    expect(findUnsafeValue({ fine: 'текст', n: 12, list: [1, 'два'] })).toBeUndefined();
  });

  it('leaves a body passed through as a stream alone, at once', async () => {
    let took = Number.POSITIVE_INFINITY;
    await withLiveRequest((request) => {
      const started = performance.now();
      expect(findUnsafeValue(request)).toBeUndefined();
      expect(findUnsafeValue({ body: request })).toBeUndefined();
      took = performance.now() - started;
    });
    expect(took).toBeLessThan(50);
  }, 10_000);
});
