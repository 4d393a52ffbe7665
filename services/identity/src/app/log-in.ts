import { hash, verify } from '@node-rs/argon2';
import { findUserRowByEmail, toUser } from '../db/user-repo.ts';
import { InvalidCredentials } from '../domain/user.errors.ts';
import { normalizeEmail } from '../domain/user.ts';
import type { IdentityContext } from './context.ts';
import { startSession } from './sessions.ts';

// Verified when the e-mail is unknown, so a miss costs as long as a wrong password.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hash('not-a-real-password'));
/** Failures from one address tolerated per window across all e-mails, as a multiple of those per e-mail (README). */
export const ADDRESS_FAILURE_FACTOR = 20;

/**
 * Signs a user in. Failures are counted per address and e-mail together (and per address alone,
 * 20× as many), so a stranger's wrong passwords slow down only the stranger: past the free ones
 * each try waits longer (429, Retry-After) and the owner signing in from elsewhere is unaffected.
 */
export async function logIn(ctx: IdentityContext, input: { email: string; password: string; ip: string }) {
  const maxFailures = ctx.config.LOGIN_MAX_FAILURES;
  const email = normalizeEmail(input.email);
  const pair = { key: `${input.ip}|${email}`, free: maxFailures };
  const address = { key: input.ip, free: maxFailures * ADDRESS_FAILURE_FACTOR };
  const backoff = ctx.loginBackoff;
  await backoff.check([pair, address]);

  const row = await findUserRowByEmail(ctx.deps.db, email);
  const ok = await verify(row?.passwordHash ?? (await decoy()), input.password).catch(() => false);
  if (!row || !ok) {
    await backoff.fail([pair, address]);
    throw InvalidCredentials();
  }
  await backoff.reset([pair]);
  const user = toUser(row);
  const tokens = await ctx.deps.db.transaction((tx) => startSession(ctx, tx, user));
  return { user, ...tokens };
}
