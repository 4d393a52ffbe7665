import { DomainError } from '@bazar/kit/errors';

export const EmailTaken = () => new DomainError('identity.email_taken', 409, 'An account with this e-mail already exists');
export const InvalidCredentials = () => new DomainError('identity.invalid_credentials', 401, 'E-mail or password is wrong');
export const TooManyLoginAttempts = (retryAfterSeconds: number) =>
  new DomainError('identity.too_many_attempts', 429, 'Too many failed logins; try again later', { retryAfterSeconds });
export const InvalidRefreshToken = () => new DomainError('identity.invalid_refresh_token', 401, 'The refresh token is not valid');
export const RefreshTokenReused = () =>
  new DomainError('identity.refresh_token_reused', 401, 'The refresh token was already used; the login has been revoked');
export const UserNotFound = (id: string) => new DomainError('identity.user_not_found', 404, `No user ${id}`);
export const RoleGrantForbidden = (roles: string[]) =>
  new DomainError('identity.role_grant_forbidden', 403, `You may not grant or remove: ${roles.join(', ')}`, { roles });
export const LastAdmin = () => new DomainError('identity.last_admin', 409, 'The last admin cannot lose the admin role');
export const ResetLinkInvalid = () =>
  new DomainError(
    'identity.reset_link_invalid',
    422,
    'This password reset link is not valid: it was used, it expired, or it never existed',
  );
