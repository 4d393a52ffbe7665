// The process under test for bench:checkout: every service in one process on PostgreSQL, composed
// exactly as `bazar start` does (apps/server startHost), demo data off.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { startHost } from '../apps/server/src/host.ts';
import { SERVICES } from '../apps/server/src/services.ts';

const host = await startHost({ services: SERVICES, demo: false });
console.log(`checkout bench server up at ${host.url}`);
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
  await host.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
