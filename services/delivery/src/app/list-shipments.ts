import { type AuthUser, hasRole } from '@bazar/kit/http/auth';
import { decodeCursor, toPage } from '@bazar/kit/http/pagination';
import { listShipmentRows, toShipment } from '../db/shipment-repo.ts';
import type { ShipmentStatus } from '../domain/shipment-status.ts';
import type { DeliveryContext } from './context.ts';
import { shipmentView } from './shipment-view.ts';

export interface ListShipmentsQuery {
  status?: ShipmentStatus;
  date?: string;
  courierId?: string;
  limit: number;
  cursor?: string;
}

const isCursor = (v: unknown): v is { id: string } => typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string';

/** Operators see every shipment; a courier only their own (a `courierId` filter of theirs is ignored). Newest first. */
export async function listShipments(ctx: DeliveryContext, actor: AuthUser, query: ListShipmentsQuery) {
  const after = decodeCursor(query.cursor, isCursor);
  const courierId = hasRole(actor, 'operator', 'admin', 'manager') ? query.courierId : actor.id;
  const rows = await listShipmentRows(ctx.deps.db, {
    limit: query.limit,
    ...(query.status ? { status: query.status } : {}),
    ...(query.date ? { date: query.date } : {}),
    ...(courierId ? { courierId } : {}),
    ...(after ? { after } : {}),
  });
  return toPage(
    rows,
    query.limit,
    (row) => shipmentView(toShipment(row)),
    (row) => ({ id: row.id }),
  );
}
