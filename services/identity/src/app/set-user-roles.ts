import type { AuthUser, Role } from '@bazar/kit/http/auth';
import { and, arrayContains, eq, ne } from 'drizzle-orm';
import { roleChanges, users } from '../db/schema.ts';
import { toUser } from '../db/user-repo.ts';
import { changedRoles, forbiddenRoleChanges } from '../domain/role-grants.ts';
import { LastAdmin, RoleGrantForbidden, UserNotFound } from '../domain/user.errors.ts';
import { userRolesChanged } from '../events/outbound.ts';
import type { IdentityContext } from './context.ts';

/** Replaces a user's roles under the grant rules, writes the audit row and publishes the change. */
export async function setUserRoles(ctx: IdentityContext, input: { userId: string; roles: Role[]; actor: AuthUser }) {
  const after = [...new Set(input.roles)];
  return ctx.deps
    .uow(async ({ tx, publish }) => {
      const [row] = await tx.select().from(users).where(eq(users.id, input.userId)).for('update');
      if (!row) throw UserNotFound(input.userId);
      const before = row.roles as Role[];
      const refused = forbiddenRoleChanges(input.actor.roles, before, after);
      if (refused.length > 0) throw RoleGrantForbidden(refused);
      if (changedRoles(before, after).length === 0) return toUser(row);
      if (before.includes('admin') && !after.includes('admin')) {
        const [other] = await tx
          .select({ id: users.id })
          .from(users)
          .where(and(arrayContains(users.roles, ['admin']), ne(users.id, row.id)))
          .limit(1);
        if (!other) throw LastAdmin();
      }
      const now = ctx.deps.clock.now();
      const [updated] = await tx.update(users).set({ roles: after, updatedAt: now }).where(eq(users.id, row.id)).returning();
      await tx
        .insert(roleChanges)
        .values({ id: ctx.deps.ids.next(), userId: row.id, actorId: input.actor.id, before, after, changedAt: now });
      await publish(userRolesChanged({ userId: row.id, actorId: input.actor.id, before, after, name: row.name, at: now }));
      return { user: toUser(updated as typeof users.$inferSelect), changedAt: now };
    })
    .then((result) => {
      // Tokens carrying the old roles stop working now, not when they expire.
      if ('changedAt' in result) ctx.deps.verifier.revokeIssuedBefore(input.userId, result.changedAt);
      return 'changedAt' in result ? result.user : result;
    })
    .finally(() => ctx.profiles.delete(input.userId));
}
