import type { DbOrTx } from '@bazar/kit/db/database';
import type { EventEnvelope } from '@bazar/kit/events/event';
import { asc, gt, sql } from 'drizzle-orm';
import { archive } from './schema.ts';

const CHUNK = 1_000;

/**
 * Archives events; answers the ids that were new (the rest were folded before). The page goes as
 * one JSON parameter that PostgreSQL unpacks, instead of six bound values per event.
 */
export async function archiveEvents(tx: DbOrTx, envelopes: EventEnvelope[]): Promise<Set<string>> {
  const fresh = new Set<string>();
  for (let i = 0; i < envelopes.length; i += CHUNK) {
    const page = JSON.stringify(envelopes.slice(i, i + CHUNK));
    const inserted = (await tx.execute(sql`
      INSERT INTO ${archive} (event_id, type, version, occurred_at, envelope)
      SELECT (e->>'id')::uuid, e->>'type', (e->>'version')::int, (e->>'occurredAt')::timestamptz, e
      FROM jsonb_array_elements(${page}::jsonb) AS e
      ON CONFLICT DO NOTHING
      RETURNING event_id`)) as unknown as { rows: { event_id: string }[] };
    for (const row of inserted.rows) fresh.add(row.event_id);
  }
  return fresh;
}

/** The next page of the archive in event-id order, for a replay. */
export async function readArchive(tx: DbOrTx, afterId: string | null, limit: number): Promise<EventEnvelope[]> {
  const rows = await tx
    .select({ envelope: archive.envelope })
    .from(archive)
    .where(afterId ? gt(archive.eventId, afterId) : undefined)
    .orderBy(asc(archive.eventId))
    .limit(limit);
  return rows.map((r) => r.envelope as EventEnvelope);
}
