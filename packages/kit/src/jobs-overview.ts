import cronParser from 'cron-parser';
import type { SqlSession } from './db/database.ts';

/** A queue as the admin sees it: its schedule, its last runs and its recent failures. */
export interface JobOverview {
  queue: string;
  /** Five-field UTC cron; null for a queue only sent on demand. */
  cron: string | null;
  nextRunAt: string | null;
  lastStartedAt: string | null;
  lastCompletedAt: string | null;
  lastFailedAt: string | null;
  lastError: string | null;
  /** Failed runs in the last 7 days (pg-boss keeps finished jobs about that long). */
  failures: number;
  queued: number;
  active: number;
}

const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);

function nextRun(cron: string | null, timezone: string | null, now: Date): string | null {
  if (!cron) return null;
  try {
    return cronParser
      .parseExpression(cron, { currentDate: now, tz: timezone ?? 'UTC' })
      .next()
      .toDate()
      .toISOString();
  } catch {
    return null;
  }
}

/**
 * Every pg-boss queue of the database with its schedule and run history, read from pg-boss's own
 * tables (live jobs and the archive), so it covers the queues of every process sharing the database.
 */
export async function listJobs(session: SqlSession, now = new Date(), schema = 'pgboss'): Promise<JobOverview[]> {
  const queues = await session.query<{ name: string; cron: string | null; timezone: string | null }>(
    `SELECT q.name, s.cron, s.timezone FROM ${schema}.queue q LEFT JOIN ${schema}.schedule s ON s.name = q.name
     WHERE q.name NOT LIKE '\\_\\_pgboss%' ORDER BY q.name`,
  );
  const runs = await session.query<Record<string, unknown>>(
    `WITH jobs AS (
       SELECT name, state::text AS state, started_on, completed_on, output FROM ${schema}.job
       UNION ALL SELECT name, state::text, started_on, completed_on, output FROM ${schema}.archive
     )
     SELECT name,
            max(started_on) AS last_started,
            max(completed_on) FILTER (WHERE state = 'completed') AS last_completed,
            max(completed_on) FILTER (WHERE state = 'failed') AS last_failed,
            count(*) FILTER (WHERE state = 'failed' AND completed_on > now() - interval '7 days')::int AS failures,
            count(*) FILTER (WHERE state IN ('created', 'retry'))::int AS queued,
            count(*) FILTER (WHERE state = 'active')::int AS active,
            (array_agg(output->>'message' ORDER BY completed_on DESC) FILTER (WHERE state = 'failed'))[1] AS last_error
     FROM jobs GROUP BY name`,
  );
  const byName = new Map(runs.map((r) => [r.name as string, r]));
  return queues.map((q) => {
    const r = byName.get(q.name);
    return {
      queue: q.name,
      cron: q.cron,
      nextRunAt: nextRun(q.cron, q.timezone, now),
      lastStartedAt: iso(r?.last_started),
      lastCompletedAt: iso(r?.last_completed),
      lastFailedAt: iso(r?.last_failed),
      lastError: (r?.last_error as string | null | undefined) ?? null,
      failures: Number(r?.failures ?? 0),
      queued: Number(r?.queued ?? 0),
      active: Number(r?.active ?? 0),
    };
  });
}
