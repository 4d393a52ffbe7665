import type { Role } from '@bazar/kit/http/auth';
import { decodeCursor, toPage } from '@bazar/kit/http/pagination';
import { and, arrayContains, asc, gt, ilike, or, type SQL } from 'drizzle-orm';
import { users } from '../db/schema.ts';
import { toUser } from '../db/user-repo.ts';
import { toUserView } from '../domain/user.ts';
import type { IdentityContext } from './context.ts';

const isCursor = (v: unknown): v is { id: string } =>
  typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string' && /^[0-9a-f-]{36}$/.test((v as { id: string }).id);

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Staff search over users by role and by a fragment of e-mail or name, oldest first. */
export async function listUsers(ctx: IdentityContext, input: { role?: Role; q?: string; limit: number; cursor?: string }) {
  const after = decodeCursor(input.cursor, isCursor);
  const filters: SQL[] = [];
  if (input.role) filters.push(arrayContains(users.roles, [input.role]));
  if (input.q?.trim()) {
    const pattern = `%${escapeLike(input.q.trim())}%`;
    filters.push(or(ilike(users.email, pattern), ilike(users.name, pattern)) as SQL);
  }
  if (after) filters.push(gt(users.id, after.id));
  const rows = await ctx.deps.db
    .select()
    .from(users)
    .where(and(...filters))
    .orderBy(asc(users.id))
    .limit(input.limit + 1);
  return toPage(
    rows,
    input.limit,
    (row) => toUserView(toUser(row)),
    (row) => ({ id: row.id }),
  );
}
