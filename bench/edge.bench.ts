// What the edge (request limits per address and per user, CORS, security headers) costs the
// gateway per request: the same app and route without it, with memory counters, with Redis.
import { fileURLToPath } from 'node:url';
import { load, printTable, spawnServer } from './lib.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
const server = fileURLToPath(new URL('./edge-server.ts', import.meta.url));

const rows = [];
for (const mode of ['off', 'memory', 'redis']) {
  const running = await spawnServer([tsx, server], { EDGE: mode });
  try {
    const { token } = (await (await fetch(`${running.url}/token`)).json()) as { token: string };
    const url = `${running.url}/api/v1/thing`;
    rows.push(await load(`edge ${mode}, anonymous`, { url, seconds }));
    rows.push(await load(`edge ${mode}, signed in`, { url, seconds, headers: { authorization: `Bearer ${token}` } }));
  } finally {
    await running.stop();
  }
}
printTable(rows);
