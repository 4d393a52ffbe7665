import type { Db } from '@bazar/kit/db/database';
import type { Clock, Ids } from '@bazar/kit/ids';
import { readArchive } from '../db/archive-repo.ts';
import { finishRebuild, insertRebuild, startReplay } from '../db/rebuild-repo.ts';
import { rebuildMachine } from '../domain/rebuild-status.ts';
import type { FoldContext } from './context.ts';
import { foldEvents } from './fold-events.ts';

export interface RebuildParts extends FoldContext {
  db: Db;
  clock: Clock;
  ids: Ids;
}

/**
 * Rebuilds every rollup from scratch by replaying the event archive (decision 0022) in one
 * transaction: the old figures stay readable until the new ones replace them, and live events
 * wait for it, then fold on top. The fold does not depend on event order, so pages go in id order.
 */
export async function rebuildRollups(parts: RebuildParts): Promise<{ id: string; events: number; seconds: number }> {
  const id = parts.ids.next();
  const started = parts.clock.now();
  await insertRebuild(parts.db, id, started);
  try {
    const events = await parts.db.transaction(async (tx) => {
      await startReplay(tx);
      let count = 0;
      let after: string | null = null;
      for (;;) {
        const page = await readArchive(tx, after, parts.config.ANALYTICS_REBUILD_BATCH);
        if (page.length === 0) break;
        count += await foldEvents(parts, tx, page, { replay: true });
        after = page[page.length - 1]?.id ?? null;
      }
      rebuildMachine.assert('running', 'completed');
      await finishRebuild(tx, id, 'completed', count, parts.clock.now(), null);
      return count;
    });
    return { id, events, seconds: (parts.clock.now().getTime() - started.getTime()) / 1000 };
  } catch (error) {
    rebuildMachine.assert('running', 'failed');
    await finishRebuild(parts.db, id, 'failed', 0, parts.clock.now(), String(error).slice(0, 500));
    throw error;
  }
}
