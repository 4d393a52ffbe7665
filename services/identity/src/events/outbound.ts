import { PasswordResetRequested, UserRegistered, UserRolesChanged } from '@bazar/contracts/events/identity';
import type { OutgoingEvent } from '@bazar/kit/events/event';
import type { Role } from '@bazar/kit/roles';
import type { User } from '../domain/user.ts';

/** The integration events of identity, mapped in one place. */
export const userRegistered = (user: User, at: Date): OutgoingEvent =>
  UserRegistered.make({
    userId: user.id,
    email: user.email,
    name: user.name,
    phone: user.phone,
    roles: user.roles,
    registeredAt: at.toISOString(),
  });

export interface RoleChange {
  userId: string;
  /** Null when no person acted (a passed qualification test). */
  actorId: string | null;
  before: Role[];
  after: Role[];
  name: string;
  at: Date;
}

export const userRolesChanged = ({ userId, actorId, before, after, name, at }: RoleChange): OutgoingEvent =>
  UserRolesChanged.make({ userId, actorId, before, after, name, changedAt: at.toISOString() });

/** Carries the reset token in clear: notifications puts it in the link it e-mails. */
export const passwordResetRequested = (user: { id: string; email: string; name: string }, token: string, expiresAt: Date): OutgoingEvent =>
  PasswordResetRequested.make({ userId: user.id, email: user.email, name: user.name, token, expiresAt: expiresAt.toISOString() });
