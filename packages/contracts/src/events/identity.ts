import { defineEvent } from '@bazar/kit/events/event';
import { Type } from 'typebox';
import { RoleName, Timestamp, Uuid } from '../common.ts';

/** A person signed up (or an admin was created at start-up). Notifications keep the contact details. */
export const UserRegistered = defineEvent(
  'identity.user_registered',
  1,
  Type.Object({
    userId: Uuid,
    email: Type.String(),
    name: Type.String(),
    phone: Type.Union([Type.String(), Type.Null()]),
    roles: Type.Array(RoleName),
    registeredAt: Timestamp,
  }),
);

/** A user's roles changed; workforce and delivery keep who is a picker or courier. */
export const UserRolesChanged = defineEvent(
  'identity.user_roles_changed',
  1,
  Type.Object({
    userId: Uuid,
    actorId: Type.Union([Uuid, Type.Null()]),
    before: Type.Array(RoleName),
    after: Type.Array(RoleName),
    /** The user's display name, so a new courier or picker is listed by name. */
    name: Type.Optional(Type.String()),
    changedAt: Timestamp,
  }),
);

/**
 * Someone asked to reset the password of an existing account: notifications e-mails the link. The
 * token is single-use and short-lived; identity keeps only its hash.
 */
export const PasswordResetRequested = defineEvent(
  'identity.password_reset_requested',
  1,
  Type.Object({
    userId: Uuid,
    email: Type.String(),
    name: Type.String(),
    token: Type.String(),
    expiresAt: Timestamp,
  }),
);
