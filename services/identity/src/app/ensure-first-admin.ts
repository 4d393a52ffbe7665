import { randomBytes } from 'node:crypto';
import { arrayContains, eq } from 'drizzle-orm';
import { users } from '../db/schema.ts';
import { normalizeEmail } from '../domain/user.ts';
import type { IdentityContext } from './context.ts';
import { registerUser } from './register-user.ts';
import { setUserRoles } from './set-user-roles.ts';

/**
 * Makes sure an admin exists: the configured e-mail becomes admin (created if needed), with a
 * generated password printed once when none is configured.
 */
export async function ensureFirstAdmin(ctx: IdentityContext): Promise<string[]> {
  const [anyAdmin] = await ctx.deps.db
    .select({ id: users.id })
    .from(users)
    .where(arrayContains(users.roles, ['admin']))
    .limit(1);
  if (anyAdmin) return [];
  const email = normalizeEmail(ctx.config.BAZAR_ADMIN_EMAIL);
  const [existing] = await ctx.deps.db.select().from(users).where(eq(users.email, email));
  if (existing) {
    const roles = [...new Set([...(existing.roles as never[]), 'admin' as const])];
    await setUserRoles(ctx, { userId: existing.id, roles, actor: { id: existing.id, roles: ['admin'] } });
    return [`Admin role granted to ${email}`];
  }
  const password = ctx.config.BAZAR_ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
  await registerUser(ctx, { email, password, name: 'Administrator', roles: ['admin'] });
  return ctx.config.BAZAR_ADMIN_PASSWORD
    ? [`Admin created: ${email} (password from BAZAR_ADMIN_PASSWORD)`]
    : [`Admin created: ${email} / ${password}  (generated; set BAZAR_ADMIN_PASSWORD to choose one)`];
}
