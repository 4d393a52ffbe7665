/**
 * Durations kept as counts per logarithmic bucket (a DDSketch): any quantile read back is within
 * RELATIVE_ERROR of the true one, and sketches of days add up into the sketch of a period.
 */
export const RELATIVE_ERROR = 0.01;
const GAMMA = (1 + RELATIVE_ERROR) / (1 - RELATIVE_ERROR);
const LOG_GAMMA = Math.log(GAMMA);

/** The bucket of a duration in seconds; anything under a second shares bucket 0. */
export function bucketOf(seconds: number): number {
  if (seconds < 1) return 0;
  return Math.max(1, Math.ceil(Math.log(seconds) / LOG_GAMMA));
}

/** The value a bucket stands for: within RELATIVE_ERROR of every duration in it. */
export function bucketValue(bucket: number): number {
  if (bucket <= 0) return 0;
  return (2 * GAMMA ** bucket) / (GAMMA + 1);
}

/** Nearest-rank quantile of a sketch (bucket → count), in whole seconds; null when empty. */
export function quantile(counts: ReadonlyMap<number, number>, q: number): number | null {
  const buckets = [...counts.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const [bucket, n] of buckets) {
    seen += n;
    if (seen >= rank) return Math.round(bucketValue(bucket));
  }
  return null;
}
