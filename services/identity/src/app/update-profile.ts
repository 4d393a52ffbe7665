import { eq } from 'drizzle-orm';
import { users } from '../db/schema.ts';
import { toUser } from '../db/user-repo.ts';
import { UserNotFound } from '../domain/user.errors.ts';
import type { User } from '../domain/user.ts';
import type { IdentityContext } from './context.ts';

/** The signed-in user changes their own name or phone (`PATCH /api/v1/me`); e-mail and roles stay. */
export async function updateProfile(ctx: IdentityContext, userId: string, input: { name?: string; phone?: string | null }): Promise<User> {
  const changes: Partial<typeof users.$inferInsert> = { updatedAt: ctx.deps.clock.now() };
  if (input.name !== undefined) changes.name = input.name.trim();
  if (input.phone !== undefined) changes.phone = input.phone?.trim() || null;
  const [row] = await ctx.deps.db.update(users).set(changes).where(eq(users.id, userId)).returning();
  ctx.profiles.delete(userId);
  if (!row) throw UserNotFound(userId);
  return toUser(row);
}
