import { hash, verify } from '@node-rs/argon2';
import { findUserRowByEmail, toUser } from '../db/user-repo.ts';
import { InvalidCredentials, TooManyLoginAttempts } from '../domain/user.errors.ts';
import { normalizeEmail } from '../domain/user.ts';
import type { IdentityContext } from './context.ts';
import { startSession } from './sessions.ts';

// Verified when the e-mail is unknown, so a miss costs as long as a wrong password.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hash('not-a-real-password'));
/** Failures from one address tolerated per window, across all e-mails. */
const IP_FAILURE_FACTOR = 4;

/** Signs a user in; repeated failures per e-mail (and per address) answer 429 until the window ends. */
export async function logIn(ctx: IdentityContext, input: { email: string; password: string; ip: string }) {
  const { counters } = ctx.deps;
  const { LOGIN_MAX_FAILURES: maxFailures, LOGIN_WINDOW_SECONDS: window } = ctx.config;
  const email = normalizeEmail(input.email);
  const emailKey = `login-failures:email:${email}`;
  const ipKey = `login-failures:ip:${input.ip}`;
  const [byEmail, byIp] = await Promise.all([counters.get(emailKey), counters.get(ipKey)]);
  if (byEmail >= maxFailures) throw TooManyLoginAttempts(await counters.ttl(emailKey));
  if (byIp >= maxFailures * IP_FAILURE_FACTOR) throw TooManyLoginAttempts(await counters.ttl(ipKey));

  const row = await findUserRowByEmail(ctx.deps.db, email);
  const ok = await verify(row?.passwordHash ?? (await decoy()), input.password).catch(() => false);
  if (!row || !ok) {
    await Promise.all([counters.increment(emailKey, window), counters.increment(ipKey, window)]);
    throw InvalidCredentials();
  }
  if (byEmail > 0) await counters.reset(emailKey);
  const user = toUser(row);
  const tokens = await ctx.deps.db.transaction((tx) => startSession(ctx, tx, user));
  return { user, ...tokens };
}
