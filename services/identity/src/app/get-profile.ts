import { findUserById } from '../db/user-repo.ts';
import { UserNotFound } from '../domain/user.errors.ts';
import type { User } from '../domain/user.ts';
import type { IdentityContext } from './context.ts';

/** The signed-in user's profile (`GET /api/v1/me`). */
export async function getProfile(ctx: IdentityContext, userId: string): Promise<User> {
  const cached = ctx.profiles.get(userId);
  if (cached) return cached;
  const user = await findUserById(ctx.deps.db, userId);
  if (!user) throw UserNotFound(userId);
  ctx.profiles.set(userId, user);
  return user;
}
