import type { DbOrTx } from '@bazar/kit/db/database';
import type { AuthUser } from '@bazar/kit/http/auth';
import { findOrder, loadHistory } from '../db/order-repo.ts';
import type { statusHistory } from '../db/schema.ts';
import { OrderForbidden, OrderNotFound } from '../domain/order.errors.ts';
import type { Order, StatusChange } from '../domain/order.ts';
import { nextStatuses } from '../domain/order-status.ts';
import type { OrdersContext } from './context.ts';
import { isStaff, seesContacts } from './order-access.ts';

type HistoryRow = Pick<typeof statusHistory.$inferSelect, 'fromStatus' | 'toStatus' | 'at' | 'actorId' | 'note'>;

/** History entries as written, in the shape read back from the table. */
export const historyRows = (changes: readonly StatusChange[]): HistoryRow[] =>
  changes.map((c) => ({ fromStatus: c.from, toStatus: c.to, at: c.at, actorId: c.actorId, note: c.note }));

/**
 * The public order (CONTRACT: `order`) with its history and where it may go next; without the
 * phone and address (null) when `contacts` is false.
 */
export function toOrderView(order: Order, history: HistoryRow[], contacts = true) {
  return {
    id: order.id,
    number: order.number,
    customerId: order.customerId,
    status: order.status,
    items: order.lines,
    totals: order.totals,
    pointsUsed: order.pointsUsed,
    promoCode: order.promoCode,
    currency: order.currency,
    exchangeRate: order.exchangeRate,
    shippingAddress: contacts ? order.shippingAddress : null,
    phone: contacts ? order.phone : null,
    deliverySlot: order.deliverySlot ? { date: order.deliverySlot.date, from: order.deliverySlot.from, to: order.deliverySlot.to } : null,
    history: history.map((h) => ({ status: h.toStatus, from: h.fromStatus, at: h.at.toISOString(), actorId: h.actorId, note: h.note })),
    payment: order.payment,
    refunded: order.refunded,
    shipment: order.shipment,
    nextStatuses: [...nextStatuses(order.status)],
    expiresAt: order.expiresAt?.toISOString() ?? null,
    createdAt: order.createdAt.toISOString(),
  };
}
export type OrderView = ReturnType<typeof toOrderView>;

/** Loads the history and builds the view (for `user`, when someone other than its customer may be reading). */
export const orderView = async (db: DbOrTx, order: Order, user?: AuthUser): Promise<OrderView> =>
  toOrderView(order, await loadHistory(db, order.id), user ? seesContacts(user, order.customerId) : true);

/** One order for its owner or staff (the phone and address only for those who deal with customers); another customer gets 403. */
export async function getOrder(ctx: OrdersContext, input: { orderId: string; user: AuthUser }): Promise<OrderView> {
  const order = await findOrder(ctx.deps.db, input.orderId);
  if (!order) throw OrderNotFound(input.orderId);
  if (order.customerId !== input.user.id && !isStaff(input.user)) throw OrderForbidden();
  return orderView(ctx.deps.db, order, input.user);
}
