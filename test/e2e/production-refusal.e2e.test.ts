import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@bazar/kit/testing';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../apps/server/bin/bazar.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'bazar-production-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `bazar start` until it exits (a refusal) or 60 s pass; returns its exit code and output. */
async function startExpectingRefusal(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [bin, 'start'], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      BAZAR_DATA_DIR: join(dir, `data-${Math.random().toString(36).slice(2)}`),
      PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ...env,
    },
    stdio: 'pipe',
  });
  let output = '';
  child.stdout?.on('data', (c) => (output += c));
  child.stderr?.on('data', (c) => (output += c));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  return { code, output };
}

describe('bazar start with NODE_ENV=production', () => {
  it('refuses the test payment provider while its webhook secret is the development default, naming the variable', async () => {
    const { code, output } = await startExpectingRefusal({ BAZAR_DEMO: '0', TEST_PROVIDER_ENABLED: '1', TEST_PROVIDER_WEBHOOK_SECRET: '' });
    expect(code, output).not.toBe(0);
    expect(output).toMatch(/Refusing to start with NODE_ENV=production/);
    expect(output).toMatch(/TEST_PROVIDER_WEBHOOK_SECRET: is the development default/);
  }, 70_000);

  it('refuses demo data (accounts with a published password), naming BAZAR_DEMO', async () => {
    const { code, output } = await startExpectingRefusal({ BAZAR_DEMO: '1' });
    expect(code, output).not.toBe(0);
    expect(output).toMatch(/BAZAR_DEMO: demo accounts share a published password/);
  }, 70_000);
});
