import { isUniqueViolation } from '@bazar/kit/errors';
import type { Role } from '@bazar/kit/http/auth';
import { hash } from '@node-rs/argon2';
import { users } from '../db/schema.ts';
import { toUser } from '../db/user-repo.ts';
import { EmailTaken } from '../domain/user.errors.ts';
import { normalizeEmail, type User } from '../domain/user.ts';
import { userRegistered } from '../events/outbound.ts';
import type { IdentityContext } from './context.ts';
import { startSession } from './sessions.ts';

export interface RegisterUserInput {
  email: string;
  password: string;
  name: string;
  phone?: string | null;
  roles?: Role[];
}

/** Creates an account (role `customer` unless the host says otherwise) and signs it in. */
export async function registerUser(ctx: IdentityContext, input: RegisterUserInput) {
  // Hashing is slow on purpose; it runs before the transaction so it never holds the database.
  const passwordHash = await hash(input.password);
  const now = ctx.deps.clock.now();
  try {
    return await ctx.deps.uow(async ({ tx, publish }) => {
      const [row] = await tx
        .insert(users)
        .values({
          id: ctx.deps.ids.next(),
          email: normalizeEmail(input.email),
          name: input.name.trim(),
          phone: input.phone?.trim() || null,
          roles: input.roles ?? ['customer'],
          passwordHash,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      const user: User = toUser(row as typeof users.$inferSelect);
      await publish(userRegistered(user, now));
      return { user, ...(await startSession(ctx, tx, user)) };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_key')) throw EmailTaken();
    throw error;
  }
}
