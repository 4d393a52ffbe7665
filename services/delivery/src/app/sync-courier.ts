import type { Tx } from '@bazar/kit/db/database';
import { deactivateCourier, upsertCourier } from '../db/courier-repo.ts';
import { normalizeCity } from '../domain/courier-choice.ts';
import type { DeliveryContext } from './context.ts';

/**
 * Keeps delivery's list of couriers in step with identity: a user holding the `courier` role is a
 * courier (off duty, in the default city, until set otherwise); losing the role retires them.
 */
export async function syncCourier(ctx: DeliveryContext, tx: Tx, user: { id: string; name?: string; isCourier: boolean }): Promise<void> {
  const at = ctx.deps.clock.now();
  if (!user.isCourier) return deactivateCourier(tx, user.id, at);
  await upsertCourier(tx, { id: user.id, name: user.name ?? 'Курьер', city: normalizeCity(ctx.config.DELIVERY_DEFAULT_CITY), at });
}
