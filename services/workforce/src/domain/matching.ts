/** The workers a request was offered to without taking it; they are not asked again. */
export const appendTried = (tried: readonly string[], workerId: string): string[] =>
  tried.includes(workerId) ? [...tried] : [...tried, workerId];

/**
 * What matching does when no worker can take an offer now: give up once the job's time has come
 * or nobody qualified in the city is left untried; otherwise wait for someone to become free.
 */
export function whenNobodyFree(input: { now: Date; scheduledAt: Date; anyoneLeft: boolean }): 'unmatched' | 'wait' {
  if (input.now >= input.scheduledAt || !input.anyoneLeft) return 'unmatched';
  return 'wait';
}

/** An offer ends at the earlier of its answer window and the job's start. */
export function offerExpiry(now: Date, offerSeconds: number, scheduledAt: Date): Date {
  const window = new Date(now.getTime() + offerSeconds * 1_000);
  return window < scheduledAt ? window : scheduledAt;
}
