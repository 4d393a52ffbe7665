import { createHash, randomBytes } from 'node:crypto';
import { limitAttempts, tooManyRequests } from '@bazar/kit/rate-limit';
import { insertPasswordReset } from '../db/password-reset-repo.ts';
import { findUserRowByEmail } from '../db/user-repo.ts';
import { normalizeEmail } from '../domain/user.ts';
import { passwordResetRequested } from '../events/outbound.ts';
import type { IdentityContext } from './context.ts';

export const hashResetToken = (token: string) => createHash('sha256').update(token).digest('hex');

const refuse = (seconds: number) =>
  tooManyRequests('identity.too_many_reset_requests', 'Too many password reset requests; try again later', seconds);

/**
 * Someone asks for a reset link. The answer is the same whether or not the e-mail has an account
 * (the route says only "if it exists, a link is on its way"), and so is the rate limit: it counts
 * the e-mail as typed and the client address before anything is looked up. For an account, a random
 * token (its hash stored) goes out by e-mail through `identity.password_reset_requested`.
 */
export async function requestPasswordReset(ctx: IdentityContext, input: { email: string; ip: string }): Promise<void> {
  const email = normalizeEmail(input.email);
  const { PASSWORD_RESET_MAX_PER_EMAIL: max, PASSWORD_RESET_WINDOW_SECONDS: windowSeconds } = ctx.config;
  await limitAttempts(ctx.deps.counters, { key: `reset:ip:${input.ip}`, max: max * 10, windowSeconds, refuse });
  await limitAttempts(ctx.deps.counters, { key: `reset:email:${email}`, max, windowSeconds, refuse });
  const user = await findUserRowByEmail(ctx.deps.db, email);
  if (!user) return;
  const token = randomBytes(32).toString('base64url');
  const now = ctx.deps.clock.now();
  const expiresAt = new Date(now.getTime() + ctx.config.PASSWORD_RESET_TTL_MINUTES * 60_000);
  await ctx.deps.uow(async ({ tx, publish }) => {
    await insertPasswordReset(tx, {
      id: ctx.deps.ids.next(),
      userId: user.id,
      tokenHash: hashResetToken(token),
      createdAt: now,
      expiresAt,
    });
    await publish(passwordResetRequested(user, token, expiresAt));
  });
}
