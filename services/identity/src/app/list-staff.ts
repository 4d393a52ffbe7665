import type { Role } from '@bazar/kit/http/auth';
import { decodeCursor, toPage } from '@bazar/kit/http/pagination';
import { and, arrayOverlaps, asc, gt, type SQL } from 'drizzle-orm';
import { users } from '../db/schema.ts';
import type { IdentityContext } from './context.ts';

/** The roles operators hand work to: the directory lists these people, by name, and nothing else about them. */
export const WORK_ROLES = ['picker', 'courier'] as const satisfies readonly Role[];
export type WorkRole = (typeof WORK_ROLES)[number];

export interface StaffMember {
  id: string;
  name: string;
  roles: WorkRole[];
}

const isCursor = (v: unknown): v is { name: string; id: string } =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { id?: unknown }).id === 'string' &&
  typeof (v as { name?: unknown }).name === 'string';

/** Pickers and couriers (or one of the two) by name: no e-mail, phone or customer data. */
export async function listStaff(ctx: IdentityContext, input: { role?: WorkRole; limit: number; cursor?: string }) {
  const after = decodeCursor(input.cursor, isCursor);
  const wanted = input.role ? [input.role] : [...WORK_ROLES];
  const filters: SQL[] = [arrayOverlaps(users.roles, wanted)];
  if (after) filters.push(gt(users.id, after.id));
  const rows = await ctx.deps.db
    .select({ id: users.id, name: users.name, roles: users.roles })
    .from(users)
    .where(and(...filters))
    .orderBy(asc(users.id))
    .limit(input.limit + 1);
  return toPage(
    rows,
    input.limit,
    (row): StaffMember => ({ id: row.id, name: row.name, roles: WORK_ROLES.filter((r) => row.roles.includes(r)) }),
    (row) => ({ id: row.id, name: row.name }),
  );
}
