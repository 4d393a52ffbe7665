import type { Role } from '@bazar/kit/roles';

/** A person who can sign in, as the identity service stores them. */
export interface User {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  roles: Role[];
  createdAt: Date;
}

/** E-mails compare case-insensitively and without surrounding spaces. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** The public shape of a user (CONTRACT: `user`). */
export const toUserView = (user: User) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  phone: user.phone,
  roles: user.roles,
  createdAt: user.createdAt.toISOString(),
});
