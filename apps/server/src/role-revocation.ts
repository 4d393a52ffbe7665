import { UserRolesChanged } from '@bazar/contracts/events/identity';
import type { Bus } from '@bazar/kit/bus/bus';
import type { TokenVerifier } from '@bazar/kit/http/auth';

/**
 * Every process refuses a user's access tokens issued before a change of their roles, once the
 * change reaches it through the bus (identity's own process revokes at once, in the same call).
 */
export function followRoleChanges(bus: Bus, verifier: TokenVerifier): Promise<void> {
  return bus.broadcast([UserRolesChanged.key], async (event) => {
    if (UserRolesChanged.is(event)) verifier.revokeIssuedBefore(event.data.userId, new Date(event.data.changedAt));
  });
}
