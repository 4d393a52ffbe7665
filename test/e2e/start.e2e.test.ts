import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestPostgresDatabase, freePort, testEngine } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../apps/server/bin/bazar.js', import.meta.url));

interface Started {
  child: ChildProcess;
  base: string;
  output: () => string;
  healthAfterMs: number;
}

async function start(env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const began = Date.now();
  const child = spawn(process.execPath, [bin, 'start'], {
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: 'pipe',
  });
  let output = '';
  child.stdout?.on('data', (c) => (output += c));
  child.stderr?.on('data', (c) => (output += c));
  while (
    !(await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null) throw new Error(`bazar start exited:\n${output}`);
    if (Date.now() - began > 60_000) {
      child.kill('SIGKILL');
      throw new Error(`no /health after 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, base, output: () => output, healthAfterMs: Date.now() - began };
}
const stop = async (s?: Started) => {
  if (!s || s.child.exitCode !== null) return;
  s.child.kill('SIGTERM');
  await new Promise((r) => s.child.once('exit', r));
};

let env: Record<string, string>;
let cleanup: () => Promise<void>;
let first: Started;

beforeAll(async () => {
  if (testEngine() === 'postgres') {
    const database = await createTestPostgresDatabase();
    env = { DATABASE_URL: database.url };
    cleanup = database.drop;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'bazar-start-'));
    env = { BAZAR_DATA_DIR: join(dir, 'data') };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  env.BAZAR_ADMIN_EMAIL = 'owner@example.test';
  delete process.env.BAZAR_ADMIN_PASSWORD;
  first = await start(env);
}, 90_000);
afterAll(async () => {
  await stop(first);
  await cleanup?.();
});

describe('npm start (bazar start)', () => {
  it('serves /health on a fresh data dir and prints the generated admin login', async () => {
    // The target is 15 s (bench:auth measures it on a quiet machine); this bound tolerates a busy CI runner.
    expect(first.healthAfterMs).toBeLessThan(40_000);
    const login = /Admin created: owner@example\.test \/ (\S+)/.exec(first.output());
    expect(login, first.output()).not.toBeNull();
    const res = await fetch(`${first.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@example.test', password: login?.[1] }),
    });
    expect(res.status).toBe(200);
    const { user } = (await res.json()) as { user: { roles: string[] } };
    expect(user.roles).toContain('admin');
  });

  it('documents the identity routes at /openapi.json and serves /docs, /ready and /metrics', async () => {
    const doc = (await (await fetch(`${first.base}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    for (const path of [
      '/api/v1/auth/register',
      '/api/v1/auth/login',
      '/api/v1/auth/refresh',
      '/api/v1/auth/logout',
      '/api/v1/me',
      '/api/v1/users',
      '/api/v1/users/{id}/roles',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(Object.keys(doc.paths).some((p) => p.startsWith('/internal'))).toBe(false);
    expect((await fetch(`${first.base}/docs`)).status).toBe(200);
    expect((await fetch(`${first.base}/ready`)).status).toBe(200);
    expect(await (await fetch(`${first.base}/metrics`)).text()).toContain('bazar_http_request_duration_seconds');
  });

  it('loads the demo data after the server answers', async () => {
    const until = Date.now() + 120_000;
    while (!first.output().includes('Demo data loaded') && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
    expect(first.output()).toContain('Demo data loaded');
    const res = await fetch(`${first.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'manager@demo.bazar', password: 'demo12345' }),
    });
    expect(res.status).toBe(200);
  }, 150_000);

  it('refuses a second process on the same data dir, then restarts warm without a new admin', async () => {
    if (testEngine() === 'pglite') {
      const second = spawn(process.execPath, [bin, 'start'], {
        env: { ...process.env, ...env, PORT: String(await freePort()) },
        stdio: 'pipe',
      });
      let output = '';
      second.stderr?.on('data', (c) => (output += c));
      const code = await new Promise((r) => second.once('exit', r));
      expect(code).not.toBe(0);
      expect(output).toContain('is in use by process');
    }
    await stop(first);
    first = await start(env);
    expect(first.output()).not.toContain('Admin created');
  }, 90_000);
});
