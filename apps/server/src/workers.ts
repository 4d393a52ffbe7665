import cluster, { type Worker } from 'node:cluster';

/** This process's place among the host's workers: 1 when the host runs as one process. */
export const workerNumber = (): number => Number(process.env.BAZAR_WORKER_NUMBER ?? 1);

/**
 * Runs the host in `count` worker processes sharing one listening port (node:cluster), so a
 * single machine's cores all serve requests; the primary only supervises: a worker that dies
 * is replaced, and SIGINT/SIGTERM stop them all. Every worker is a whole host (relays, handlers,
 * jobs) over the same PostgreSQL, which is what makes this safe: outbox rows are claimed with
 * SKIP LOCKED, inbox rows dedupe, pg-boss coordinates its own workers.
 *
 * Returns true in the primary (the caller then does nothing else), false in a worker.
 */
export function superviseWorkers(count: number, log: (line: string) => void): boolean {
  if (count <= 1 || !cluster.isPrimary) return false;
  let stopping = false;
  let listening = 0;
  const fork = (number: number) => {
    const worker = cluster.fork({ BAZAR_WORKER_NUMBER: String(number) });
    worker.once('listening', () => {
      listening++;
      // The first worker migrates and creates the first admin alone; the others start after it.
      if (number === 1 && listening === 1) for (let next = 2; next <= count; next++) fork(next);
      if (listening === count) log(`Bazar: all ${count} workers listening`);
    });
    worker.once('exit', (code, signal) => {
      if (stopping) return;
      log(`Bazar: worker ${number} exited (${signal ?? code}); starting another`);
      setTimeout(() => fork(number), 1_000).unref();
    });
    return worker;
  };
  fork(1);
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    let left = workers.length;
    if (left === 0) process.exit(0);
    for (const worker of workers) {
      worker.once('exit', () => {
        left--;
        if (left === 0) process.exit(0);
      });
      worker.process.kill(signal);
    }
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  return true;
}
