/** The roles of CONTRACT.md; a token carries any subset. */
export const ROLES = ['customer', 'operator', 'picker', 'courier', 'manager', 'purchaser', 'controller', 'admin', 'worker'] as const;
export type Role = (typeof ROLES)[number];
/**
 * Every role except `customer` and `worker`: the people who work the orders. A worker is booked by
 * customers and sees only the service requests offered or assigned to them, never every order.
 */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'customer' && r !== 'worker');
