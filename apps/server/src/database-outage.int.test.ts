import identity from '@bazar/identity';
import { startTcpProxy } from '@bazar/kit/tcp-proxy';
import { createTestPostgresDatabase, testEngine } from '@bazar/kit/testing';
import { describe, expect, it } from 'vitest';
import { startHost } from './host.ts';

// A database that goes away exists on PostgreSQL only (this suite runs in the postgres project).
describe.runIf(testEngine() === 'postgres')('a service whose database goes away', () => {
  it('waits for it at start, says it is not ready while it is cut, and serves again once it is back', async () => {
    const created = await createTestPostgresDatabase();
    const target = new URL(created.url);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    await proxy.down();
    const viaProxy = new URL(created.url);
    viaProxy.port = String(proxy.port());
    const env = { DATABASE_URL: viaProxy.toString(), PORT: '0', LOG_LEVEL: 'silent', BAZAR_ADMIN_PASSWORD: 'outage-secret' };
    const starting = startHost({ services: [identity], env, demo: false });
    const restoreAt = Date.now() + 1_500;
    setTimeout(() => void proxy.up(), 1_500);
    const host = await starting;
    try {
      expect(Date.now()).toBeGreaterThanOrEqual(restoreAt);
      const ready = async () => {
        const res = await fetch(`${host.url}/ready`, { signal: AbortSignal.timeout(10_000) });
        return { status: res.status, body: (await res.json()) as { checks: Record<string, string> } };
      };
      expect((await ready()).status).toBe(200);

      await proxy.down();
      const asked = Date.now();
      const cut = await ready();
      expect(cut.status).toBe(503);
      expect(cut.body.checks.database).toMatch(/^failing/);
      expect(Date.now() - asked).toBeLessThan(4_000);
      const refused = await fetch(`${host.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'nobody@example.test', password: 'whatever-long' }),
      });
      expect(refused.status).toBeGreaterThanOrEqual(500);

      await proxy.up();
      await expect.poll(async () => (await ready()).status, { timeout: 15_000, interval: 250 }).toBe(200);
    } finally {
      await host.stop();
      await proxy.down();
      await created.drop();
    }
  }, 60_000);
});
