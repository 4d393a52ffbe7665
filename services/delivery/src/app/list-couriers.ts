import { listCourierRows } from '../db/courier-repo.ts';
import { normalizeCity } from '../domain/courier-choice.ts';
import type { DeliveryContext } from './context.ts';
import { courierView } from './update-courier.ts';

/** Active couriers, by name; optionally of one city or shift state. */
export async function listCouriers(ctx: DeliveryContext, query: { city?: string; onDuty?: boolean }) {
  const rows = await listCourierRows(ctx.deps.db, {
    ...(query.city ? { city: normalizeCity(query.city) } : {}),
    ...(query.onDuty !== undefined ? { onDuty: query.onDuty } : {}),
  });
  return { items: rows.map(courierView) };
}
