import type { TxContext } from '@bazar/kit/events/outbox';
import type { Role } from '@bazar/kit/roles';
import { eq } from 'drizzle-orm';
import { roleChanges, users } from '../db/schema.ts';
import { userRolesChanged } from '../events/outbound.ts';
import type { IdentityContext } from './context.ts';

/**
 * A passed qualification test makes the user a worker (workforce's event; no person acted).
 * Answers the time of the change, or null when they already were one.
 */
export async function grantWorkerRole(ctx: IdentityContext, { tx, publish }: TxContext, userId: string): Promise<Date | null> {
  const [row] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
  if (!row) return null;
  const before = row.roles as Role[];
  if (before.includes('worker')) return null;
  const after: Role[] = [...before, 'worker'];
  const now = ctx.deps.clock.now();
  await tx.update(users).set({ roles: after, updatedAt: now }).where(eq(users.id, userId));
  await tx.insert(roleChanges).values({ id: ctx.deps.ids.next(), userId, actorId: null, before, after, changedAt: now });
  await publish(userRolesChanged({ userId, actorId: null, before, after, name: row.name, at: now }));
  return now;
}
