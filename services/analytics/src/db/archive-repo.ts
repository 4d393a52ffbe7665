import type { DbOrTx } from '@bazar/kit/db/database';
import type { EventEnvelope } from '@bazar/kit/events/event';
import { asc, gt } from 'drizzle-orm';
import { archive } from './schema.ts';

const CHUNK = 1_000;

/** Archives events; answers the ids that were new (the rest were folded before). */
export async function archiveEvents(tx: DbOrTx, envelopes: EventEnvelope[]): Promise<Set<string>> {
  const fresh = new Set<string>();
  for (let i = 0; i < envelopes.length; i += CHUNK) {
    const rows = envelopes.slice(i, i + CHUNK).map((e) => ({
      eventId: e.id,
      type: e.type,
      version: e.version,
      occurredAt: new Date(e.occurredAt),
      envelope: e,
    }));
    const inserted = await tx.insert(archive).values(rows).onConflictDoNothing().returning({ eventId: archive.eventId });
    for (const row of inserted) fresh.add(row.eventId);
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
