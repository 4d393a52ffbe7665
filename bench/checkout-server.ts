// The process under test for bench:checkout: every service on PostgreSQL, composed exactly as
// `bazar start` does (apps/server startHost), demo data off, in BAZAR_WORKERS processes sharing
// the port as `bazar start` runs them (the primary only supervises).
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import pg from 'pg';
import { startHost } from '../apps/server/src/host.ts';
import { SERVICES } from '../apps/server/src/services.ts';
import { superviseWorkers } from '../apps/server/src/workers.ts';

const primary = superviseWorkers(Number(process.env.BAZAR_WORKERS ?? 1), (line) => console.log(line));

// BENCH_SQL_STATS=<file>: counts every statement sent to PostgreSQL by its first words, written at SIGTERM.
const sqlStatsFile = process.env.BENCH_SQL_STATS;
const statements = new Map<string, number>();
if (sqlStatsFile) {
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  (pg.Client.prototype as { query: unknown }).query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    const text = (typeof first === 'string' ? first : (first?.text ?? '')).replace(/\s+/g, ' ').trim().slice(0, 110);
    statements.set(text, (statements.get(text) ?? 0) + 1);
    return query.apply(this, args);
  };
}
process.on('SIGUSR2', () => statements.clear());

const host = primary ? undefined : await startHost({ services: SERVICES, demo: false });
if (host) console.log(`checkout bench server up at ${host.url}`);
// BENCH_PROFILE=<file>: SIGUSR2 starts a CPU profile of the load alone; it is written at SIGTERM.
const profileFile = process.env.BENCH_PROFILE;
const profiler = profileFile ? new Session() : undefined;
profiler?.connect();
process.on('SIGUSR2', () => {
  profiler?.post('Profiler.enable', () => profiler.post('Profiler.start'));
});
const stop = async () => {
  if (profiler && profileFile) {
    await new Promise<void>((resolve) =>
      profiler.post('Profiler.stop', (error, result) => {
        if (!error) writeFileSync(profileFile, JSON.stringify(result.profile));
        resolve();
      }),
    );
  }
  if (sqlStatsFile) {
    const sorted = [...statements].sort((a, b) => b[1] - a[1]);
    writeFileSync(sqlStatsFile, sorted.map(([text, count]) => `${String(count).padStart(8)}  ${text}`).join('\n'));
  }
  await host?.stop();
  process.exit(0);
};
if (!primary) {
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}
