import { decodeCursor, toPage } from '@bazar/kit/http/pagination';
import { aliasedTable, and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import { roleChanges, users } from '../db/schema.ts';
import type { IdentityContext } from './context.ts';

const isCursor = (v: unknown): v is { at: string; id: string } =>
  typeof v === 'object' && v !== null && typeof (v as { at?: unknown }).at === 'string' && typeof (v as { id?: unknown }).id === 'string';

const actors = aliasedTable(users, 'actors');

interface RoleChangeRow {
  id: string;
  userId: string;
  userEmail: string;
  actorId: string | null;
  actorEmail: string | null;
  before: string[];
  after: string[];
  changedAt: Date;
}

/** The audit log of role changes, newest first: whom, by whom, the roles before and after. */
export async function listRoleChanges(ctx: IdentityContext, input: { userId?: string; limit: number; cursor?: string }) {
  const after = decodeCursor(input.cursor, isCursor);
  const filters: SQL[] = [];
  if (input.userId) filters.push(eq(roleChanges.userId, input.userId));
  if (after) {
    const at = new Date(after.at);
    filters.push(or(lt(roleChanges.changedAt, at), and(eq(roleChanges.changedAt, at), lt(roleChanges.id, after.id))) as SQL);
  }
  const rows: RoleChangeRow[] = await ctx.deps.db
    .select({
      id: roleChanges.id,
      userId: roleChanges.userId,
      userEmail: users.email,
      actorId: roleChanges.actorId,
      actorEmail: actors.email,
      before: roleChanges.before,
      after: roleChanges.after,
      changedAt: roleChanges.changedAt,
    })
    .from(roleChanges)
    .innerJoin(users, eq(users.id, roleChanges.userId))
    .leftJoin(actors, eq(actors.id, roleChanges.actorId))
    .where(and(...filters))
    .orderBy(desc(roleChanges.changedAt), desc(roleChanges.id))
    .limit(input.limit + 1);
  return toPage(
    rows,
    input.limit,
    (row) => ({ ...row, changedAt: row.changedAt.toISOString() }),
    (row) => ({ at: row.changedAt.toISOString(), id: row.id }),
  );
}
