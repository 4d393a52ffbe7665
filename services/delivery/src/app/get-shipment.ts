import { type AuthUser, hasRole } from '@bazar/kit/http/auth';
import { findShipment, historyOf } from '../db/shipment-repo.ts';
import { NotYourShipment, ShipmentNotFound } from '../domain/shipment.errors.ts';
import type { ShipmentStatus } from '../domain/shipment-status.ts';
import type { DeliveryContext } from './context.ts';
import { shipmentView } from './shipment-view.ts';

/** One shipment with its history, for staff and its courier. */
export async function getShipment(ctx: DeliveryContext, actor: AuthUser, id: string) {
  const shipment = await findShipment(ctx.deps.db, id);
  if (!shipment) throw ShipmentNotFound(id);
  if (!hasRole(actor, 'operator', 'admin', 'manager') && shipment.courierId !== actor.id) throw NotYourShipment();
  const history = await historyOf(ctx.deps.db, id);
  return {
    ...shipmentView(shipment),
    events: history.map((e) => ({
      id: e.id,
      status: e.toStatus as ShipmentStatus,
      at: e.at.toISOString(),
      note: e.note,
      actorId: e.actorId,
    })),
  };
}
