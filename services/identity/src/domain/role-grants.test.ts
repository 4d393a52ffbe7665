import { ROLES, type Role } from '@bazar/kit/roles';
import { describe, expect, it } from 'vitest';
import { changedRoles, forbiddenRoleChanges } from './role-grants.ts';

describe('role grants', () => {
  it('lets an admin grant and remove every role', () => {
    for (const role of ROLES) {
      expect(forbiddenRoleChanges(['admin'], ['customer'], ['customer', role])).toEqual([]);
      expect(forbiddenRoleChanges(['admin'], ['customer', role], ['customer'])).toEqual([]);
    }
  });

  it.each(ROLES.filter((r) => r !== 'customer'))('lets a manager change %s only when it is picker or courier', (role: Role) => {
    const refused = forbiddenRoleChanges(['manager'], ['customer'], ['customer', role]);
    expect(refused).toEqual(role === 'picker' || role === 'courier' ? [] : [role]);
    expect(forbiddenRoleChanges(['manager'], ['customer', role], ['customer'])).toEqual(refused);
  });

  it('refuses a manager a mixed change, naming only the roles out of reach', () => {
    expect(forbiddenRoleChanges(['manager'], ['customer'], ['picker', 'admin'])).toEqual(['admin', 'customer']);
  });

  it('refuses every change to people who are neither admin nor manager', () => {
    expect(forbiddenRoleChanges(['operator', 'customer'], ['customer'], ['customer', 'picker'])).toEqual(['picker']);
  });

  it('treats an unchanged set as no change at all', () => {
    expect(changedRoles(['picker', 'customer'], ['customer', 'picker'])).toEqual([]);
    expect(forbiddenRoleChanges(['customer'], ['customer'], ['customer'])).toEqual([]);
  });
});
