import { UserRegistered, UserRolesChanged } from '@bazar/contracts/events/identity';
import { type EventHandler, onEvent } from '@bazar/kit/events/inbox';
import type { DeliveryContext } from '../app/context.ts';
import { syncCourier } from '../app/sync-courier.ts';

/** Couriers are users with the `courier` role: delivery keeps its own list from identity's events. */
export function identityHandlers(ctx: DeliveryContext): EventHandler[] {
  return [
    onEvent(
      UserRegistered,
      async ({ tx }, { data }) => {
        if (data.roles.includes('courier')) await syncCourier(ctx, tx, { id: data.userId, name: data.name, isCourier: true });
      },
      { idempotent: true },
    ),
    onEvent(UserRolesChanged, async ({ tx }, { data }) => {
      const was = data.before.includes('courier');
      const is = data.after.includes('courier');
      if (was !== is) await syncCourier(ctx, tx, { id: data.userId, isCourier: is, ...(data.name ? { name: data.name } : {}) });
    }),
  ];
}
