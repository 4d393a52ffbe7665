#!/usr/bin/env node
// Runs the test projects whose servers are reachable. Without CI it skips (and names) the
// projects it cannot run; with CI=true a missing PostgreSQL, RabbitMQ or Redis fails the run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const isCI = process.env.CI === 'true' || process.env.CI === '1';
const pgUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const amqpUrl = process.env.TEST_AMQP_URL ?? process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const redisUrl = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function reachable(url, defaultPort) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname || '127.0.0.1', port: Number(port || defaultPort), timeout: 2000 });
    const finish = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => finish(true));
    socket.once('timeout', () => finish(false));
    socket.once('error', () => finish(false));
  });
}

const servers = [
  { project: 'postgres', name: 'PostgreSQL', url: pgUrl, port: 5432 },
  { project: 'rabbitmq', name: 'RabbitMQ (and PostgreSQL)', url: amqpUrl, port: 5672, needs: 'postgres' },
  { project: 'redis', name: 'Redis', url: redisUrl, port: 6379 },
];

const projects = ['unit', 'pglite'];
const skipped = [];
const up = {};
for (const server of servers) {
  up[server.project] = (await reachable(server.url, server.port)) && (!server.needs || up[server.needs]);
  if (up[server.project]) projects.push(server.project);
  else skipped.push(server);
}

// The browser suite needs Debian's Chromium (never a downloaded one): .ci/run installs it.
const chromium = process.env.BAZAR_CHROMIUM ?? '/usr/bin/chromium';
if (existsSync(chromium)) projects.push('browser');
else {
  console.log(`[test] ${isCI ? 'MISSING' : 'skipping'} suite "browser": no Chromium at ${chromium} (apt-get install -y chromium)`);
  if (isCI) process.exit(1);
}

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const flags = process.argv.slice(2).filter((a) => a.startsWith('-'));
if (skipped.length > 0) {
  for (const s of skipped)
    console.log(`[test] ${isCI ? 'MISSING' : 'skipping'} suite "${s.project}": no ${s.name} at ${s.url.replace(/\/\/[^@]*@/, '//')}`);
  if (isCI) {
    console.error('[test] CI=true: every server-backed suite is mandatory; start the servers (see .ci/run) and retry.');
    process.exit(1);
  }
}
console.log(`[test] running suites: ${projects.join(', ')}`);
const report = join(tmpdir(), `bazar-vitest-${process.pid}.json`);
const args = [
  'vitest',
  'run',
  ...projects.flatMap((p) => ['--project', p]),
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...flags,
  ...only,
];
const result = spawnSync('npx', args, { stdio: 'inherit', env: process.env });
if (skipped.length > 0) console.log(`[test] skipped suites: ${skipped.map((s) => s.project).join(', ')} (servers not running)`);
if (existsSync(report)) {
  const totals = JSON.parse(readFileSync(report, 'utf8'));
  rmSync(report, { force: true });
  const skippedTests = (totals.numPendingTests ?? 0) + (totals.numTodoTests ?? 0);
  console.log(`tests: ${totals.numPassedTests} passed, ${totals.numFailedTests} failed, ${skippedTests} skipped`);
}
process.exit(result.status ?? 1);
