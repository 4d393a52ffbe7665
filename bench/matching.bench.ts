// npm run bench:matching — 10,000 qualified workers in 20 cities; bookings arrive as
// `orders.service_request.booked` events and matching offers each to a worker in the handler's
// transaction. Prints matches per second and the p99 from the booking event to its first offer
// (the offer row and its `workforce.offer.made` committed), embedded (PGlite, memory bus) and on
// PostgreSQL. BENCH_ENGINES (default `pglite,postgres`), BENCH_WORKERS (10000), BENCH_BOOKINGS
// (2000) and BENCH_CONCURRENCY (8) change the run. The p99 is taken over the first quarter of the
// bookings sent one at a time; matches per second over the rest, BENCH_CONCURRENCY at a time.

import { loadavg } from 'node:os';
import { ServiceRequestBooked } from '@bazar/contracts/events/orders';
import { envelope } from '@bazar/kit/events/event';
import { newId } from '@bazar/kit/ids';
import { startTestService } from '@bazar/kit/testing';
import workforce from '@bazar/workforce';
import { verdict } from './lib.ts';

const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
const WORKERS = Number(process.env.BENCH_WORKERS ?? 10_000);
const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 2_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const CITIES = 20;
const SKILLS = ['appliance_repair', 'furniture_assembly', 'plumbing', 'electrics'];
const TARGET_P99_MS = 50;
const TARGET_MATCHES_PER_SECOND = 200;

const cityName = (c: number) => `Bench City ${c}`;
const centre = (c: number) => ({ lat: 43 + c * 0.7, lon: 30 + c * 1.3 });

async function run(engine: string) {
  process.env.BAZAR_TEST_DB = engine;
  // Offers never lapse during the run: the sweep must not move them while bookings arrive.
  const t = await startTestService(workforce, { env: { LOG_LEVEL: 'warn', MATCH_OFFER_SECONDS: '3600' } });
  // Workers are seeded in bulk: the path measured is matching, not the qualification tests.
  await t.database.query(
    `INSERT INTO workforce.workers (user_id, skills, city, lat, lon, available, open_jobs, rating_sum, rating_count, qualified_at, updated_at)
     SELECT gen_random_uuid(),
            ARRAY[($1::text[])[1 + (i % $2)], ($1::text[])[1 + ((i / $2) % $2)]],
            'Bench City ' || (i % $3),
            43 + (i % $3) * 0.7 + (random() - 0.5) * 0.2,
            30 + (i % $3) * 1.3 + (random() - 0.5) * 0.2,
            true, (i % 3), (i % 5) * 4, i % 5, now(), now()
     FROM generate_series(0, $4 - 1) AS i`,
    [SKILLS, SKILLS.length, CITIES, WORKERS],
  );
  await t.database.query('ANALYZE workforce.workers');
  const bookings = Array.from({ length: BOOKINGS }, (_, i) => {
    const city = i % CITIES;
    const { lat, lon } = centre(city);
    return envelope(
      ServiceRequestBooked.make({
        requestId: newId(),
        customerId: newId(),
        typeId: newId(),
        skill: SKILLS[i % SKILLS.length] as string,
        city: cityName(city),
        lat: lat + ((i % 17) - 8) * 0.01,
        lon: lon + ((i % 13) - 6) * 0.01,
        scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
      }),
      'orders',
    );
  });
  // Latency is taken one booking at a time (arrivals below capacity, so no queue in front of the
  // match); throughput with BENCH_CONCURRENCY bookings in flight.
  const paced = bookings.slice(0, Math.floor(BOOKINGS / 4));
  const loaded = bookings.slice(paced.length);
  const latencies: number[] = [];
  for (const booked of paced) {
    const at = performance.now();
    await t.bus.publish(booked);
    latencies.push(performance.now() - at);
  }
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < loaded.length) {
        const booked = loaded[next++];
        if (booked) await t.bus.publish(booked);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const [counts] = await t.database.query<{ offers: number; workers: number; doubled: number }>(
    `SELECT count(*)::int AS offers, count(DISTINCT worker_id)::int AS workers,
            (SELECT count(*)::int FROM workforce.workers w WHERE (SELECT count(*) FROM workforce.offers o WHERE o.worker_id = w.user_id AND o.status = 'open') > 1) AS doubled
     FROM workforce.offers WHERE status = 'open'`,
  );
  await t.close();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? Number.NaN;
  return {
    engine,
    matchesPerSecond: loaded.length / seconds,
    p50: pct(50),
    p99: pct(99),
    offers: counts?.offers ?? 0,
    distinctWorkers: counts?.workers ?? 0,
    doubled: counts?.doubled ?? 0,
  };
}

const results = [];
for (const engine of ENGINES) {
  console.log(`matching ${BOOKINGS} bookings against ${WORKERS} workers in ${CITIES} cities on ${engine}…`);
  results.push(await run(engine));
}
const load = loadavg()
  .map((l) => l.toFixed(1))
  .join(' ');
console.log(
  '\n| engine | workers | bookings | matches/s (concurrency) | booking→offer p50 ms | p99 ms (one at a time) | workers with two offers | load avg |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---|');
for (const r of results) {
  console.log(
    `| ${r.engine} | ${WORKERS} | ${BOOKINGS} | ${r.matchesPerSecond.toFixed(1)} (${CONCURRENCY}) | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.doubled} | ${load} |`,
  );
}
let ok = true;
for (const r of results) {
  ok =
    verdict(
      `every booking offered, to ${r.offers} distinct workers (${r.engine})`,
      r.offers === BOOKINGS && r.distinctWorkers === BOOKINGS && r.doubled === 0,
      `${r.offers} offers`,
    ) && ok;
  if (r.engine === 'pglite')
    ok = verdict('booking→first offer p99 embedded', r.p99 <= TARGET_P99_MS, `${r.p99.toFixed(1)} ms (target ≤ ${TARGET_P99_MS} ms)`) && ok;
  if (r.engine === 'postgres') {
    ok =
      verdict(
        'matches per second on PostgreSQL',
        r.matchesPerSecond >= TARGET_MATCHES_PER_SECOND,
        `${r.matchesPerSecond.toFixed(1)}/s (target ≥ ${TARGET_MATCHES_PER_SECOND})`,
      ) && ok;
  }
}
process.exit(ok ? 0 : 1);
