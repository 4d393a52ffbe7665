/** The roles of CONTRACT.md; a token carries any subset. */
export const ROLES = ['customer', 'operator', 'picker', 'courier', 'manager', 'purchaser', 'controller', 'admin', 'worker'] as const;
export type Role = (typeof ROLES)[number];
/** Every role except `customer`: the people who work the orders. */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'customer');
