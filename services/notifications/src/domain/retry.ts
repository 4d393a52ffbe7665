/** Seconds before attempt `attempt + 1` after `attempt` failures: doubling from `baseSeconds`, at most an hour. */
export function retryDelaySeconds(attempt: number, baseSeconds: number): number {
  return Math.min(3600, baseSeconds * 2 ** Math.max(0, attempt - 1));
}

/** Whether a message that failed `attempts` times should stop being retried. */
export const isExhausted = (attempts: number, maxAttempts: number): boolean => attempts >= maxAttempts;
