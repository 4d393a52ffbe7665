import { limitAttempts, tooManyRequests } from '@bazar/kit/rate-limit';
import type { IdentityContext } from './context.ts';

/** Counts a registration attempt from a client address; past the limit, 429 until its window ends. */
export function limitRegistrations(ctx: IdentityContext, ip: string): Promise<void> {
  return limitAttempts(ctx.deps.counters, {
    key: `register:${ip}`,
    max: ctx.config.REGISTER_MAX_PER_ADDRESS,
    windowSeconds: ctx.config.REGISTER_WINDOW_SECONDS,
    refuse: (seconds) =>
      tooManyRequests('identity.too_many_registrations', 'Too many accounts created from this address; try again later', seconds),
  });
}
