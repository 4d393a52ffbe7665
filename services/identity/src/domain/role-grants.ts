import type { Role } from '@bazar/kit/roles';

/** Roles a manager may hand out or take away; everything else needs an admin. */
export const MANAGER_GRANTABLE: readonly Role[] = ['picker', 'courier'];

/** Roles that differ between the two sets, in either direction. */
export function changedRoles(before: readonly Role[], after: readonly Role[]): Role[] {
  const added = after.filter((r) => !before.includes(r));
  const removed = before.filter((r) => !after.includes(r));
  return [...new Set([...added, ...removed])];
}

/**
 * The roles of a change that the actor may not make: none for an admin; for a manager, any
 * change outside picker/courier; for everyone else, every change.
 */
export function forbiddenRoleChanges(actorRoles: readonly Role[], before: readonly Role[], after: readonly Role[]): Role[] {
  const changed = changedRoles(before, after);
  if (actorRoles.includes('admin')) return [];
  if (actorRoles.includes('manager')) return changed.filter((r) => !MANAGER_GRANTABLE.includes(r));
  return changed;
}
