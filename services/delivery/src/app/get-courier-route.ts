import { forbidden } from '@bazar/kit/errors';
import { type AuthUser, hasRole } from '@bazar/kit/http/auth';
import { findCourier } from '../db/courier-repo.ts';
import { listShipmentRows, toShipment } from '../db/shipment-repo.ts';
import { dayOf } from '../domain/shipment.ts';
import { OPEN_STATUSES } from '../domain/shipment-status.ts';
import type { DeliveryContext } from './context.ts';
import { shipmentView } from './shipment-view.ts';
import { courierView } from './update-courier.ts';

/** A courier's day: the courier (shift and city, null if unknown), the open shipments in route order with their ETAs, then the finished ones. */
export async function getCourierRoute(ctx: DeliveryContext, actor: AuthUser, input: { courierId: string; date?: string }) {
  const courierId = input.courierId === 'me' ? actor.id : input.courierId;
  if (courierId !== actor.id && !hasRole(actor, 'operator', 'admin', 'manager'))
    throw forbidden('Only operators see other couriers’ routes');
  const date = input.date ?? dayOf(ctx.deps.clock.now());
  const rows = await listShipmentRows(ctx.deps.db, { courierId, date, limit: 500 });
  const courier = await findCourier(ctx.deps.db, courierId);
  const all = rows.map(toShipment);
  const open = all.filter((s) => OPEN_STATUSES.includes(s.status)).sort((a, b) => (a.routePosition ?? 0) - (b.routePosition ?? 0));
  const done = all.filter((s) => !OPEN_STATUSES.includes(s.status));
  return {
    courierId,
    courier: courier ? courierView(courier) : null,
    date,
    stops: open.map(shipmentView),
    finished: done.map(shipmentView),
  };
}
