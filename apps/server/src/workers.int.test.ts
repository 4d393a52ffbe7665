import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestPostgresDatabase, freePort, waitFor } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/bazar.js', import.meta.url));
const onPostgres = process.env.BAZAR_TEST_DB === 'postgres';

/** The live processes whose parent is `pid`. */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        return Number(readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, [bin, 'start'], {
    env: { ...process.env, BAZAR_DEMO: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise<number | null>((resolve) => child.once('exit', resolve));

describe('BAZAR_WORKERS on the embedded database', () => {
  it('refuses more than one worker without DATABASE_URL, naming why', async () => {
    const { child, output } = start({
      BAZAR_WORKERS: '2',
      DATABASE_URL: '',
      BAZAR_DATA_DIR: mkdtempSync(join(tmpdir(), 'bazar-workers-')),
    });
    expect(await exited(child)).toBe(1);
    expect(output()).toMatch(/BAZAR_WORKERS > 1 needs DATABASE_URL/);
  });
});

// Several processes need PostgreSQL: this part runs in the postgres project (which CI requires).
if (onPostgres)
  describe('bazar start with BAZAR_WORKERS=2 on PostgreSQL', () => {
    let server: ReturnType<typeof start>;
    let base: string;
    let dropDatabase: () => Promise<void>;

    beforeAll(async () => {
      const database = await createTestPostgresDatabase();
      dropDatabase = database.drop;
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      server = start({
        BAZAR_WORKERS: '2',
        DATABASE_URL: database.url,
        PORT: String(port),
        BAZAR_ADMIN_EMAIL: 'workers@example.test',
        BAZAR_ADMIN_PASSWORD: 'workers-secret-1',
      });
      await waitFor(() => server.output().includes('all 2 workers listening'), 60_000, `two workers (${server.output()})`);
    }, 90_000);

    afterAll(async () => {
      if (server?.child.exitCode === null) {
        server.child.kill('SIGTERM');
        await exited(server.child);
      }
      await dropDatabase?.();
    });

    it('serves one port from two processes over the same database, the banner printed once', async () => {
      const workers = childrenOf(server.child.pid as number);
      expect(workers).toHaveLength(2);
      expect(server.output().match(/Bazar is up at/g)).toHaveLength(1);
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'workers@example.test', password: 'workers-secret-1' }),
      });
      expect(login.status).toBe(200);
      const { accessToken } = (await login.json()) as { accessToken: string };
      // Whichever worker answers knows the token and the user: everything lives in PostgreSQL.
      const answers = await Promise.all(
        Array.from({ length: 20 }, () =>
          fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${accessToken}` } }).then((r) => r.status),
        ),
      );
      expect(answers).toEqual(Array(20).fill(200));
    });

    it('replaces a worker that dies, and stops them all on SIGTERM', async () => {
      const [victim] = childrenOf(server.child.pid as number);
      process.kill(victim as number, 'SIGKILL');
      await waitFor(
        () => {
          const now = childrenOf(server.child.pid as number);
          return now.length === 2 && !now.includes(victim as number);
        },
        30_000,
        `a replacement worker (${server.output()})`,
      );
      expect(server.output()).toMatch(/exited \(SIGKILL\); starting another/);
      await waitFor(async () => (await fetch(`${base}/health`).catch(() => undefined))?.ok === true, 30_000, 'health after the restart');
      const workers = childrenOf(server.child.pid as number);
      server.child.kill('SIGTERM');
      expect(await exited(server.child)).toBe(0);
      for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
    }, 60_000);
  });
