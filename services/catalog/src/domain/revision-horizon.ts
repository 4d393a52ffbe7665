/** Who ran at one moment, as PostgreSQL's `pg_current_snapshot()` tells it. */
export interface Snapshot {
  /** Every transaction below this had ended. */
  xmin: bigint;
  /** Transactions from this up were invisible to the snapshot: not started, or started but not listed. */
  xmax: bigint;
  /** Transactions between xmin and xmax still running. */
  running: bigint[];
}

/**
 * A revision handed out while these transactions may have been running: safe to pass once they have
 * all ended. A snapshot does not list a transaction whose id is at or above its `xmax` (the newest
 * completed transaction's id plus one), even when it has its id and runs; so besides the listed
 * ones, every id from the snapshot's `xmax` up to an id claimed after the revision was read counts.
 */
export interface Horizon {
  revision: number;
  running: bigint[];
  /** Ids from `unlistedFrom` (inclusive) to `claimedAfter` (exclusive) may run unlisted. */
  unlistedFrom: bigint;
  claimedAfter: bigint;
}

/** Above this many unlisted ids, wait for all older transactions instead of checking each. */
const MAX_UNLISTED = 10_000n;

export function horizonOf(revision: number, snapshot: Snapshot, claimedAfter: bigint): Horizon {
  return { revision, running: snapshot.running, unlistedFrom: snapshot.xmax, claimedAfter };
}

/** Whether transaction `xid` had ended by the snapshot `now`. */
function endedBy(xid: bigint, now: Snapshot, listed: Set<bigint>): boolean {
  if (xid < now.xmin) return true;
  return xid < now.xmax && !listed.has(xid);
}

/** Whether every transaction that may hold a revision up to the horizon's had ended by `now`. */
export function hasEnded(horizon: Horizon, now: Snapshot): boolean {
  const listed = new Set(now.running);
  if (!horizon.running.every((xid) => endedBy(xid, now, listed))) return false;
  if (horizon.claimedAfter - horizon.unlistedFrom > MAX_UNLISTED) return now.xmin >= horizon.claimedAfter;
  for (let xid = horizon.unlistedFrom; xid < horizon.claimedAfter; xid++) if (!endedBy(xid, now, listed)) return false;
  return true;
}
