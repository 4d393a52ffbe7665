import { forbidden } from '@bazar/kit/errors';
import { type AuthUser, hasRole } from '@bazar/kit/http/auth';
import { type CourierRow, findCourier, updateCourierRow } from '../db/courier-repo.ts';
import { normalizeCity } from '../domain/courier-choice.ts';
import { CourierNotFound } from '../domain/shipment.errors.ts';
import type { DeliveryContext } from './context.ts';

export const courierView = (c: CourierRow) => ({
  id: c.id,
  name: c.name,
  city: c.city,
  onDuty: c.onDuty,
  updatedAt: c.updatedAt.toISOString(),
});

/**
 * A courier starts or ends a shift (`onDuty`); an operator may do that too and moves couriers
 * between cities. Only couriers on duty are given shipments.
 */
export async function updateCourier(
  ctx: DeliveryContext,
  actor: AuthUser,
  input: { courierId: string; onDuty?: boolean; city?: string; name?: string },
) {
  const courierId = input.courierId === 'me' ? actor.id : input.courierId;
  const isOperator = hasRole(actor, 'operator', 'admin');
  if (!isOperator && (courierId !== actor.id || input.city !== undefined || input.name !== undefined)) {
    throw forbidden('Couriers change only their own shift; operators set cities');
  }
  const existing = await findCourier(ctx.deps.db, courierId);
  if (!existing?.active) throw CourierNotFound(courierId);
  const updated = await updateCourierRow(
    ctx.deps.db,
    courierId,
    {
      ...(input.onDuty !== undefined ? { onDuty: input.onDuty } : {}),
      ...(input.city !== undefined ? { city: normalizeCity(input.city) } : {}),
      ...(input.name !== undefined ? { name: input.name } : {}),
    },
    ctx.deps.clock.now(),
  );
  return courierView(updated as CourierRow);
}
