import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BAZAR_BIN = fileURLToPath(new URL('../../apps/server/bin/bazar.js', import.meta.url));
/** The bundle itself (the run builds it first), so a restart never compiles sources edited meanwhile. */
export const BAZAR_BUNDLE = fileURLToPath(new URL('../../dist/bazar.mjs', import.meta.url));

/** One `bazar serve …` process that the run may kill with SIGKILL and start again on the same port. */
export class ServiceProcess {
  private child: ChildProcess | undefined;
  private readonly log: WriteStream;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
    logFile: string,
  ) {
    this.log = createWriteStream(logFile, { flags: 'a' });
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  start() {
    const child = spawn(process.execPath, [BAZAR_BUNDLE, 'serve', this.name], {
      env: { ...process.env, ...this.env, PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    this.child = child;
  }

  /** Waits until the process answers /health (it has migrated, subscribed and listens). */
  async healthy(timeoutMs = 60_000) {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (this.child?.exitCode !== null && this.child?.exitCode !== undefined) {
        throw new Error(`${this.name} exited with ${this.child.exitCode} during start-up`);
      }
      const ok = await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(1_000) }).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`${this.name} did not become healthy in ${timeoutMs} ms`);
  }

  /** True while the process runs: an exit nobody asked for is a crash the run reports. */
  alive() {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL') {
    const child = this.child;
    if (!child || !this.alive()) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (this.alive()) child.kill('SIGKILL');
  }

  async stop() {
    await this.kill('SIGTERM');
    this.log.end();
  }
}
