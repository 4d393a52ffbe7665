import { Agent, request } from 'node:http';
import type { LoadResult } from '../lib.ts';

export interface DistinctLoadResult extends LoadResult {
  requests: number;
  /** 200 answers missing a numeric `total` or the `facets`. */
  incomplete: number;
}

function get(agent: Agent, url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/**
 * Asks every path once, `connections` at a time over keep-alive sockets (a closed loop, as
 * autocannon runs), and reports throughput and latency percentiles.
 */
export async function askEach(name: string, baseUrl: string, paths: string[], connections = 32): Promise<DistinctLoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  // BENCH_SLOWEST_REQUESTS=n prints the n slowest with when they started: a stall shows as a cluster.
  const timed: { at: number; ms: number; path: string }[] = [];
  let next = 0;
  let errors = 0;
  let non2xx = 0;
  let incomplete = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++] as string;
      const at = performance.now();
      try {
        const { status, body } = await get(agent, baseUrl + path);
        latencies.push(performance.now() - at);
        timed.push({ at: at - started, ms: performance.now() - at, path });
        if (status !== 200) non2xx++;
        else {
          // Only what follows the items is parsed: the load generator shares the server's two cores.
          const end = body.lastIndexOf('],"total":');
          const answer = JSON.parse(end < 0 ? body : `{${body.slice(end + 2)}`) as {
            total?: unknown;
            facets?: { categories?: unknown; price?: unknown };
          };
          if (
            !body.startsWith('{"items":[') ||
            typeof answer.total !== 'number' ||
            !Array.isArray(answer.facets?.categories) ||
            answer.facets.price === undefined
          )
            incomplete++;
        }
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const slowest = Number(process.env.BENCH_SLOWEST_REQUESTS ?? 0);
  for (const { at, ms, path } of timed.sort((a, b) => b.ms - a.ms).slice(0, slowest)) {
    console.log(`  ${name}: ${Math.round(ms)} ms at +${Math.round(at)} ms  ${decodeURIComponent(path)}`);
  }
  return {
    name,
    requests: paths.length,
    rps: Math.round(paths.length / seconds),
    p50: Math.round(percentile(latencies, 50)),
    p99: Math.round(percentile(latencies, 99)),
    errors,
    non2xx,
    incomplete,
  };
}
