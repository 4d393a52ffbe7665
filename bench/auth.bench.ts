// npm run bench:auth — login/s, GET /api/v1/me req/s against a bare Fastify route, start-up time and RSS.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BAZAR_BIN, load, printTable, spawnServer, verdict } from './lib.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const dataDir = mkdtempSync(join(tmpdir(), 'bazar-bench-auth-'));
// Thousands of requests a second from one address and one account: the edge's limits are lifted for the run.
const env = {
  BAZAR_DATA_DIR: dataDir,
  BAZAR_DEMO: '0',
  BAZAR_ADMIN_EMAIL: 'admin@bench.test',
  BAZAR_ADMIN_PASSWORD: 'bench-password',
  RATE_LIMIT_PER_ADDRESS: '0',
  RATE_LIMIT_PER_USER: '0',
};
const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));

// Measure what `npm start` runs: the bundle.
execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/build.mjs', import.meta.url)), '--quiet'], { stdio: 'inherit' });

try {
  const cold = await spawnServer([BAZAR_BIN, 'start'], env);
  await cold.stop();
  const server = await spawnServer([BAZAR_BIN, 'start'], env);
  const rssIdle = server.rssMb();
  const credentials = JSON.stringify({ email: 'admin@bench.test', password: 'bench-password' });
  const session = (await (
    await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: credentials })
  ).json()) as { accessToken: string };

  const bare = await spawnServer([tsx, fileURLToPath(new URL('./bare-server.ts', import.meta.url))], {});
  const rows = [await load('bare Fastify route (ceiling)', { url: `${bare.url}/bare`, seconds })];
  await bare.stop();
  rows.push(
    await load('GET /api/v1/me', { url: `${server.url}/api/v1/me`, headers: { authorization: `Bearer ${session.accessToken}` }, seconds }),
  );
  rows.push(
    await load('POST /api/v1/auth/login', {
      url: `${server.url}/api/v1/auth/login`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: credentials,
      seconds,
    }),
  );
  const rssLoaded = server.rssMb();
  await server.stop();

  printTable(rows);
  const [ceiling, me, login] = rows as [(typeof rows)[0], (typeof rows)[0], (typeof rows)[0]];
  console.log(`\nstart-up to /health: cold (new data dir) ${Math.round(cold.readyMs)} ms, warm ${Math.round(server.readyMs)} ms`);
  console.log(`RSS: ${Math.round(rssIdle)} MB after start, ${Math.round(rssLoaded)} MB after load`);
  console.log(`login: ${login.rps}/s (argon2id m=19456,t=2,p=1 on every attempt)\n`);
  const ok = [
    verdict(
      'GET /api/v1/me ≥ 50% of the bare route',
      me.rps >= ceiling.rps * 0.5,
      `${me.rps} vs ${ceiling.rps} req/s (${Math.round((100 * me.rps) / ceiling.rps)}%)`,
    ),
    verdict('start-up to /health < 3 s on a warm data dir', server.readyMs < 3000, `${Math.round(server.readyMs)} ms`),
    verdict(
      'no errors under load',
      rows.every((r) => r.errors === 0 && r.non2xx === 0),
      'errors and non-2xx all zero',
    ),
  ].every(Boolean);
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
