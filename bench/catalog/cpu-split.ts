// Diagnostic: where the machine's CPU goes during the distinct-query load — the catalog server, this
// load generator, and the rest (PostgreSQL) — read from /proc for one scenario (BENCH_SCENARIO).
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { BAZAR_BIN, spawnServer } from '../lib.ts';
import { askEach } from './ask-each.ts';
import { generateQuerySets } from './queries.ts';

const url = process.env.BENCH_DATABASE_URL as string;
const scenario = (process.env.BENCH_SCENARIO ?? 'search') as 'search' | 'filtered' | 'listing';
const ticks = (pid: number | 'self') => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return Number(fields[11]) + Number(fields[12]);
};
const machineBusy = () => {
  const [, user, nice, system, idle, iowait, irq, softirq] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
    .split(/\s+/)
    .map(Number);
  return { busy: (user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0), idle: (idle ?? 0) + (iowait ?? 0) };
};
const server = await spawnServer([...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean), BAZAR_BIN, 'serve', 'catalog'], {
  DATABASE_URL: url,
  IDENTITY_URL: 'http://127.0.0.1:9',
  BAZAR_DEMO: '0',
  LOG_LEVEL: 'warn',
  CATALOG_SEARCH_MEMO_MS: '0',
  ...(process.env.BENCH_WORKERS ? { BAZAR_WORKERS: process.env.BENCH_WORKERS } : {}),
});
const pid = server.child.pid as number;
const stats = new pg.Client({ connectionString: url });
await stats.connect();
const statements = async () => {
  await new Promise((resolve) => setTimeout(resolve, 1200));
  const { rows } = await stats.query('SELECT xact_commit::float8 AS n FROM pg_stat_database WHERE datname = current_database()');
  return Number(rows[0]?.n ?? 0);
};
await askEach('warm-up', server.url, generateQuerySets(100, 97)[scenario]);
for (const pass of ['first', 'again']) {
  const q0 = await statements();
  const [s0, c0, m0] = [ticks(pid), ticks('self'), machineBusy()];
  const result = await askEach(`${scenario}, ${pass}`, server.url, generateQuerySets(1000)[scenario]);
  const [s1, c1, m1] = [ticks(pid), ticks('self'), machineBusy()];
  const busy = m1.busy - m0.busy;
  const perRequest = ((await statements()) - q0 - 1) / result.requests;
  const per = (t: number) => `${((10 * t) / result.requests).toFixed(2)} ms`;
  console.log(
    `${result.name}: ${result.rps} req/s p50 ${result.p50} p99 ${result.p99} | CPU per request: server ${per(s1 - s0)}, load generator ${per(c1 - c0)}, rest ${per(busy - (s1 - s0) - (c1 - c0))}, idle ${per(m1.idle - m0.idle)}; statements per request ${perRequest.toFixed(2)}`,
  );
}
await stats.end();
await server.stop();
