import type { DbOrTx } from '@bazar/kit/db/database';
import type { Role } from '@bazar/kit/http/auth';
import { eq } from 'drizzle-orm';
import type { User } from '../domain/user.ts';
import { users } from './schema.ts';

type UserRow = typeof users.$inferSelect;

export const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  phone: row.phone,
  roles: row.roles as Role[],
  createdAt: row.createdAt,
});

export async function findUserById(db: DbOrTx, id: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ? toUser(row) : undefined;
}

export async function findUserRowByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}
