import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runFaults } from './fault-run.ts';

// The bundle makes each restart of a killed service take ~1 s instead of a TypeScript compile.
const build = () =>
  spawnSync(process.execPath, [fileURLToPath(new URL('../../scripts/build.mjs', import.meta.url)), '--quiet'], { stdio: 'inherit' });

describe('faults in distributed mode (services as processes, real PostgreSQL and RabbitMQ)', () => {
  it('loses no money and no stock through kill -9, a broker cut and a database cut; everything agrees within 60 s', async () => {
    expect(build().status).toBe(0);
    const seed = Number(process.env.BAZAR_FAULT_SEED ?? Math.floor(Math.random() * 1_000_000));
    const result = await runFaults({ seed, loadSeconds: 40, settleSeconds: 90, print: (line) => console.log(line) });
    expect(result.accepted, `seed ${seed}: checkouts accepted`).toBeGreaterThanOrEqual(5);
    expect(result.violations, `seed ${seed}; logs in ${result.logDir}`).toEqual([]);
    expect(result.agreementMs, `seed ${seed}`).toBeLessThan(60_000);
  }, 300_000);
});
