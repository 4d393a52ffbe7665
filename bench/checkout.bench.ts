// npm run bench:checkout — the whole order path under load on real PostgreSQL: every service in one
// process on a real HTTP listener; 16 customers loop cart → item → checkout (tok_success) → paid
// for BENCH_SECONDS (30). Prints paid orders/s, checkout p50/p99, CPU per order (server, PostgreSQL,
// load client), PostgreSQL's work per order (WAL, commits), and pgbench's TPS as the ceiling. Knobs: BENCH_CUSTOMERS, BENCH_WORKERS (server processes, default 1; a list such as 1,2,4 measures each in turn), BENCH_TABLE_STATS=1 (rows written per order by table),
// BENCH_PROFILE=<file> (CPU profile of the load alone), BENCH_SQL_STATS=<file> (statements per order), BENCH_SERVER_LOG=<level> with
// BENCH_SERVER_OUTPUT=<file> (the server's log), BENCH_SERVER_NODE_ARGS (extra node flags), BENCH_PGBENCH=0 (skip the
// pgbench ceiling, for quick side-by-side runs).

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { newId } from '@bazar/kit/ids';
import { createTestPostgresDatabase } from '@bazar/kit/testing';
import pg from 'pg';
import { spawnServer, verdict } from './lib.ts';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 16);
// Server processes (`BAZAR_WORKERS`); a list (`1,2,4`) measures each in turn, with pgbench once after them.
const SWEEP =
  process.env.BENCH_PROFILE || process.env.BENCH_SQL_STATS
    ? [1]
    : (process.env.BENCH_WORKERS ?? '1')
        .split(',')
        .map(Number)
        .filter((n) => n >= 1);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const PRODUCTS = 20;
const TARGET = 200;
const admin = { email: 'bench-admin@bazar.local', password: 'bench-admin-password' };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

// One keep-alive connection per customer, written with node:http: fetch costs the load generator
// ~1 ms of CPU per request, CPU the server and PostgreSQL then lack on a 2-core machine.
const agent = new http.Agent({ keepAlive: true, maxSockets: CUSTOMERS + 2 });

function json(base: string, method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise<{ status: number; body: ReturnType<typeof JSON.parse> }>((resolve, reject) => {
    const req = http.request(
      base + path,
      {
        method,
        agent,
        headers: {
          ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Products with stock nobody can exhaust in a run, known to inventory before the load starts. */
async function seed(base: string, token: string) {
  const variants: string[] = [];
  for (let i = 0; i < PRODUCTS; i++) {
    const sku = `BENCH-${i}-${newId().slice(-6)}`;
    const res = await json(base, 'POST', '/api/v1/products', token, {
      title: `Bench product ${i}`,
      description: 'bench',
      variants: [{ sku, price: 10_000 + i * 100, stock: 10_000_000 }],
    });
    if (res.status !== 201) throw new Error(`seed failed: ${JSON.stringify(res.body)}`);
    variants.push(res.body.variants[0].id);
    for (let tries = 0; ; tries++) {
      const stock = await json(base, 'GET', `/api/v1/inventory?sku=${sku}`, token);
      const rows = Array.isArray(stock.body) ? stock.body : (stock.body?.items ?? []);
      if (rows.length > 0) break;
      if (tries > 200) throw new Error(`inventory never learned ${sku}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return variants;
}

/** One customer's loop; returns checkout latencies (ms) of paid orders and the failures seen. */
async function customer(base: string, variants: string[], until: number) {
  const email = `bench-${newId()}@example.test`;
  const registered = await json(base, 'POST', '/api/v1/auth/register', undefined, { email, password: 'bench-password', name: 'Bench' });
  const token = registered.body.accessToken as string;
  const latencies: number[] = [];
  const failures: string[] = [];
  for (let n = 0; Date.now() < until; n++) {
    const cart = await json(base, 'POST', '/api/v1/carts', token, {});
    const variantId = variants[n % variants.length] as string;
    const added = await json(base, 'POST', `/api/v1/carts/${cart.body.id}/items`, token, { variantId, quantity: 1 + (n % 3) });
    if (added.status !== 201) {
      failures.push(`items ${added.status} ${added.body?.code}`);
      continue;
    }
    const started = performance.now();
    const res = await json(
      base,
      'POST',
      '/api/v1/checkout',
      token,
      {
        cartId: cart.body.id,
        phone: '+7 900 000-00-00',
        shippingAddress: { city: 'Moscow', street: 'Tverskaya', house: '1' },
        payment: { provider: 'test', token: 'tok_success' },
      },
      { 'idempotency-key': newId() },
    );
    const ms = performance.now() - started;
    if (res.status === 201 && res.body.order.status === 'paid') latencies.push(ms);
    else failures.push(`checkout ${res.status} ${res.body?.code ?? res.body?.order?.status}`);
  }
  return { latencies, failures };
}

/** User and kernel CPU seconds a process has used so far (Linux /proc). */
function cpuOf(pid: number | string | undefined): { user: number; kernel: number } {
  if (!pid) return { user: 0, kernel: 0 };
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return { user: Number(fields[11]) / 100, kernel: Number(fields[12]) / 100 };
  } catch {
    return { user: 0, kernel: 0 }; // the process ended between listing and reading
  }
}

/** The same for a process and its children (the server's workers). */
function treeCpu(pid: number | undefined): { user: number; kernel: number } {
  const total = cpuOf(pid);
  for (const child of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const parent = readFileSync(`/proc/${child}/stat`, 'utf8').split(') ')[1]?.split(' ')[1];
      if (Number(parent) !== pid) continue;
    } catch {
      continue;
    }
    const used = cpuOf(child);
    total.user += used.user;
    total.kernel += used.kernel;
  }
  return total;
}

/** CPU seconds used so far by every PostgreSQL backend on this machine (they come and go, so a sum over live ones). */
function postgresCpu(): Map<string, number> {
  const used = new Map<string, number>();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('postgres')) continue;
    } catch {
      continue;
    }
    const { user, kernel } = cpuOf(pid);
    used.set(pid, user + kernel);
  }
  return used;
}

const postgresCpuBetween = (before: Map<string, number>, after: Map<string, number>) =>
  [...after].reduce((sum, [pid, seconds]) => sum + seconds - (before.get(pid) ?? 0), 0);

/** PostgreSQL's own TPC-B-like TPS on the same machine, 16 clients, as the ceiling. */
function pgbenchTps(url: string): string {
  const conn = new URL(url);
  const args = ['-h', conn.hostname, '-p', conn.port || '5432', '-U', conn.username || 'postgres', conn.pathname.slice(1)];
  try {
    execFileSync('pgbench', ['-i', '-s', '10', '-q', ...args], { stdio: 'pipe' });
    const out = execFileSync('pgbench', ['-c', String(CUSTOMERS), '-j', '2', '-T', '15', ...args], { encoding: 'utf8', stdio: 'pipe' });
    return /tps = ([\d.]+)/.exec(out)?.[1] ?? 'n/a';
  } catch (error) {
    return `n/a (${String(error).split('\n')[0]})`;
  }
}

/** The server's WAL position (all databases; nothing else runs during the load) and this database's commits so far. */
async function databaseWork(url: string): Promise<{ walBytes: bigint; walRecords: number; fullPages: number; commits: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::text AS wal, w.wal_records::text AS records, w.wal_fpi::text AS fpi,
              d.xact_commit::text AS commits
       FROM pg_stat_database d, pg_stat_wal w WHERE d.datname = current_database()`,
    );
    const row = rows[0];
    return { walBytes: BigInt(row.wal), walRecords: Number(row.records), fullPages: Number(row.fpi), commits: Number(row.commits) };
  } finally {
    await client.end();
  }
}

/** Rows written per paid order, by table: where the database time goes. */
async function printTableStats(url: string, orders: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(
    `SELECT schemaname || '.' || relname AS t, n_tup_ins + n_tup_upd + n_tup_del AS w, seq_scan + coalesce(idx_scan, 0) AS r
     FROM pg_stat_user_tables ORDER BY 2 DESC LIMIT 25`,
  );
  await client.end();
  for (const r of rows)
    console.log(
      `${String(r.t).padEnd(40)} writes/order ${(Number(r.w) / orders).toFixed(2)}  scans/order ${(Number(r.r) / orders).toFixed(2)}`,
    );
}

/** Statements the server sent per paid order, by their first words (written by the server at exit). */
function printSqlStats(file: string, orders: number) {
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const counted = lines.map((line) => ({ count: Number(line.trim().split(' ')[0]), text: line.trim().replace(/^\d+\s+/, '') }));
  const total = counted.reduce((sum, s) => sum + s.count, 0);
  console.log(`SQL statements per paid order: ${(total / Math.max(1, orders)).toFixed(1)}`);
  for (const s of counted.slice(0, 40)) console.log(`${(s.count / Math.max(1, orders)).toFixed(2).padStart(6)}  ${s.text}`);
}

interface Measured {
  workers: number;
  paid: number;
  rate: number;
  p50: number;
  p99: number;
  load: number;
}

/** One run against WORKERS server processes on a fresh database. */
async function measure(WORKERS: number): Promise<Measured> {
  const database = await createTestPostgresDatabase();
  try {
    const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    const server = await spawnServer(
      [...nodeArgs, '--import', 'tsx', fileURLToPath(new URL('./checkout-server.ts', import.meta.url))],
      {
        DATABASE_URL: database.url,
        BAZAR_DEMO: '0',
        BAZAR_ADMIN_EMAIL: admin.email,
        BAZAR_ADMIN_PASSWORD: admin.password,
        LOG_LEVEL: process.env.BENCH_SERVER_LOG ?? 'error',
        BAZAR_WORKERS: String(WORKERS),
        // Every simulated customer signs up from the same loopback address.
        REGISTER_MAX_PER_ADDRESS: '100000',
        ...(process.env.BENCH_PROFILE ? { BENCH_PROFILE: process.env.BENCH_PROFILE } : {}),
        ...(process.env.BENCH_SQL_STATS ? { BENCH_SQL_STATS: process.env.BENCH_SQL_STATS } : {}),
      },
      '/health',
      // Each worker compiles the sources through tsx; on a loaded machine that takes minutes.
      180_000,
    );
    try {
      for (let waited = 0; WORKERS > 1 && !server.output().includes('workers listening'); waited += 50) {
        if (waited > 180_000) throw new Error(`workers did not start:\n${server.output()}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const login = await json(server.url, 'POST', '/api/v1/auth/login', undefined, admin);
      const variants = await seed(server.url, login.body.accessToken);
      console.log(`seeded ${variants.length} products; ${CUSTOMERS} customers for ${SECONDS} s against ${WORKERS} server process(es)…`);
      if (process.env.BENCH_PROFILE || process.env.BENCH_SQL_STATS) server.child.kill('SIGUSR2');
      const workBefore = await databaseWork(database.url);
      const cpuBefore = treeCpu(server.child.pid);
      const postgresBefore = postgresCpu();
      const clientBefore = process.cpuUsage();
      const started = Date.now();
      const until = started + SECONDS * 1000;
      const results = await Promise.all(Array.from({ length: CUSTOMERS }, () => customer(server.url, variants, until)));
      const elapsed = (Date.now() - started) / 1000;
      const cpuAfter = treeCpu(server.child.pid);
      const postgresAfter = postgresCpu();
      const paid = Math.max(1, results.flatMap((r) => r.latencies).length);
      const perOrder = (seconds: number) => ((seconds * 1000) / paid).toFixed(1);
      const client = process.cpuUsage(clientBefore);
      const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
      const failures = results.flatMap((r) => r.failures);
      const rate = latencies.length / elapsed;
      console.log('\n| paid orders | orders/s | checkout p50 ms | checkout p99 ms | failures | server RSS MB |');
      console.log('|---:|---:|---:|---:|---:|---:|');
      console.log(
        `| ${latencies.length} | ${rate.toFixed(1)} | ${percentile(latencies, 50).toFixed(1)} | ${percentile(latencies, 99).toFixed(1)} | ${failures.length} | ${server.rssMb().toFixed(0)} |`,
      );
      const serverSeconds = cpuAfter.user - cpuBefore.user + cpuAfter.kernel - cpuBefore.kernel;
      console.log(
        `CPU per paid order: server (${WORKERS} process${WORKERS > 1 ? 'es' : ''}) ${perOrder(serverSeconds)} ms (user ${perOrder(cpuAfter.user - cpuBefore.user)}, kernel ${perOrder(cpuAfter.kernel - cpuBefore.kernel)}), ` +
          `PostgreSQL ${perOrder(postgresCpuBetween(postgresBefore, postgresAfter))} ms, load client ${perOrder((client.user + client.system) / 1e6)} ms; ` +
          `load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`,
      );
      if (failures.length > 0) console.log(`failures (first 5): ${failures.slice(0, 5).join('; ')}`);
      if (process.env.BENCH_SERVER_OUTPUT) writeFileSync(process.env.BENCH_SERVER_OUTPUT, server.output());
      await server.stop();
      // Read once the server has gone: its connections report their commits as they close.
      const workAfter = await databaseWork(database.url);
      console.log(
        `PostgreSQL work per paid order: ${(Number(workAfter.walBytes - workBefore.walBytes) / 1024 / paid).toFixed(1)} kB of WAL ` +
          `(${((workAfter.walRecords - workBefore.walRecords) / paid).toFixed(0)} records, ${((workAfter.fullPages - workBefore.fullPages) / paid).toFixed(2)} full pages), ` +
          `${((workAfter.commits - workBefore.commits) / paid).toFixed(1)} commits`,
      );
      if (process.env.BENCH_TABLE_STATS) await printTableStats(database.url, latencies.length);
      if (process.env.BENCH_SQL_STATS) printSqlStats(process.env.BENCH_SQL_STATS, latencies.length);
      return {
        workers: WORKERS,
        paid: latencies.length,
        rate,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        load: loadavg()[0] ?? 0,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await database.drop();
  }
}

const measured: Measured[] = [];
for (const workers of SWEEP) measured.push(await measure(workers));
let ceiling = 'skipped';
if (process.env.BENCH_PGBENCH !== '0') {
  const database = await createTestPostgresDatabase();
  try {
    ceiling = pgbenchTps(database.url);
  } finally {
    await database.drop();
  }
}
console.log(
  '\n| server processes | paid orders/s | checkout p50 ms | checkout p99 ms | load average | PostgreSQL TPS (pgbench, same run) |',
);
console.log('|---:|---:|---:|---:|---:|---:|');
for (const m of measured)
  console.log(`| ${m.workers} | ${m.rate.toFixed(1)} | ${m.p50.toFixed(1)} | ${m.p99.toFixed(1)} | ${m.load.toFixed(1)} | ${ceiling} |`);
const best = Math.max(...measured.map((m) => m.rate));
verdict(`paid orders/s ≥ ${TARGET}`, best >= TARGET, `${best.toFixed(1)} orders/s at best`);
