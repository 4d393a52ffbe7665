import { randomBytes } from 'node:crypto';
import type { Db } from '@bazar/kit/db/database';
import { hash } from '@node-rs/argon2';
import { and, eq, isNull } from 'drizzle-orm';
import { refreshTokens, users } from '../db/schema.ts';
import { normalizeEmail } from '../domain/user.ts';

export const MIN_PASSWORD_LENGTH = 8;

export type ResetPasswordResult =
  | { ok: true; email: string; password: string; generated: boolean }
  | { ok: false; reason: 'no_such_user' | 'password_too_short' };

/**
 * `bazar admin reset-password`: the operator's way back in when the admin password is lost. Sets
 * a new password (a generated one unless given) and signs the account out everywhere, since
 * whoever knew the old password may hold its sessions.
 */
export async function resetPassword(db: Db, input: { email: string; password?: string; now: Date }): Promise<ResetPasswordResult> {
  const generated = input.password === undefined;
  const password = input.password ?? randomBytes(12).toString('base64url');
  if (password.length < MIN_PASSWORD_LENGTH) return { ok: false, reason: 'password_too_short' };
  const email = normalizeEmail(input.email);
  // Hashing is slow on purpose; it runs before the transaction so it never holds the database.
  const passwordHash = await hash(password);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: input.now })
      .where(eq(users.email, email))
      .returning({ id: users.id });
    if (!user) return { ok: false, reason: 'no_such_user' } as const;
    await tx
      .update(refreshTokens)
      .set({ revokedAt: input.now })
      .where(and(eq(refreshTokens.userId, user.id), isNull(refreshTokens.revokedAt)));
    return { ok: true, email, password, generated } as const;
  });
}
