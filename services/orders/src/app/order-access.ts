import { type AuthUser, hasRole, STAFF_ROLES } from '@bazar/kit/http/auth';

/** Staff read every order (CONTRACT); a customer only their own. */
export const isStaff = (user: AuthUser) => hasRole(user, ...STAFF_ROLES);

/** The roles that deal with customers (calls, cancellations, refunds) and so see their phone and address. */
export const CONTACT_ROLES = ['operator', 'manager', 'admin'] as const;

/**
 * Whether `user` may see the phone and address on an order of `customerId`: its customer and the
 * contact roles. Pickers, couriers, purchasers and controllers read orders without them (a courier
 * gets the recipient of their own shipments from delivery).
 */
export const seesContacts = (user: AuthUser, customerId: string) => customerId === user.id || hasRole(user, ...CONTACT_ROLES);

/** Returns are read by their customer and the roles that decide them (CONTRACT: owner / operator). */
export const readsEveryReturn = (user: AuthUser) => hasRole(user, ...CONTACT_ROLES);
