import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import identity from '@bazar/identity';
import { createTestPostgresDatabase, testEngine } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost } from './host.ts';

const bin = fileURLToPath(new URL('../bin/bazar.js', import.meta.url));
const ADMIN = { email: 'ops@example.test', password: 'forgotten-password' };

/** Runs the `bazar` command to its end; `input` is written to its stdin. */
function bazar(args: string[], env: Record<string, string>, input = '') {
  const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdin.end(input);
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout, stderr })),
  );
}

describe('bazar serve <service> without DATABASE_URL', () => {
  it('refuses to start, naming DATABASE_URL, instead of falling back to the embedded database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bazar-serve-'));
    const run = await bazar(['serve', 'catalog'], { DATABASE_URL: '', BAZAR_DATA_DIR: dataDir, PORT: '0' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bazar serve catalog needs DATABASE_URL');
    expect(run.stdout).not.toContain('Bazar catalog is up');
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);
});

describe('bazar admin reset-password', () => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    if (testEngine() === 'postgres') {
      const created = await createTestPostgresDatabase();
      env = { DATABASE_URL: created.url };
      cleanup = created.drop;
    } else {
      const dataDir = mkdtempSync(join(tmpdir(), 'bazar-admin-'));
      env = { DATABASE_URL: '', BAZAR_DATA_DIR: dataDir };
      cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
    }
    // The first start creates the admin whose password is then lost.
    const host = await startHost({
      services: [identity],
      env: { ...env, LOG_LEVEL: 'silent', BAZAR_ADMIN_EMAIL: ADMIN.email, BAZAR_ADMIN_PASSWORD: ADMIN.password },
      demo: false,
      listen: false,
    });
    await host.stop();
  }, 60_000);
  afterAll(() => cleanup?.());

  /** Starts identity on the same database and tries a login. */
  async function loginStatus(password: string) {
    const host = await startHost({ services: [identity], env: { ...env, LOG_LEVEL: 'silent' }, demo: false, listen: false });
    try {
      const res = await host.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: ADMIN.email, password } });
      return res.statusCode;
    } finally {
      await host.stop();
    }
  }

  it('sets the password read from stdin', async () => {
    const run = await bazar(['admin', 'reset-password', ADMIN.email, '--password-stdin'], env, 'chosen-on-stdin\n');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Password of ${ADMIN.email} reset`);
    expect(run.stdout).not.toContain('chosen-on-stdin');
    expect(await loginStatus('chosen-on-stdin')).toBe(200);
    expect(await loginStatus(ADMIN.password)).toBe(401);
  }, 60_000);

  it('prints a generated password when none is given', async () => {
    const run = await bazar(['admin', 'reset-password', ADMIN.email], env);
    expect(run.code, run.stderr).toBe(0);
    const generated = /reset: (\S+)/.exec(run.stdout)?.[1];
    expect(generated, run.stdout).toBeDefined();
    expect(await loginStatus(generated as string)).toBe(200);
  }, 60_000);

  it('exits 1 naming the e-mail when no account has it', async () => {
    const run = await bazar(['admin', 'reset-password', 'nobody@example.test'], { ...env, BAZAR_NEW_PASSWORD: 'whatever-long' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No account with the e-mail nobody@example.test');
  }, 60_000);
});
