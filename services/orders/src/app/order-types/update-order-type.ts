import { findOrderType, saveOrderType } from '../../db/order-type-repo.ts';
import { checkOrderType, type OrderType, type OrderTypeFields } from '../../domain/order-type.ts';
import { BuiltInType, OrderTypeNotFound } from '../../domain/service-request.errors.ts';
import type { OrdersContext } from '../context.ts';

/**
 * A manager changes a type; requests already booked keep the price and materials they locked. The
 * built-in goods type only changes its name.
 */
export async function updateOrderType(ctx: OrdersContext, id: string, patch: Partial<OrderTypeFields>): Promise<OrderType> {
  return ctx.deps.uow(async ({ tx }) => {
    const type = await findOrderType(tx, id, true);
    if (!type) throw OrderTypeNotFound(id);
    const { name, ...rest } = patch;
    if (type.builtIn && Object.values(rest).some((v) => v !== undefined)) throw BuiltInType();
    const merged = { ...type, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as OrderType;
    const fields = type.builtIn ? { ...type, name: name ?? type.name } : { ...merged, ...checkOrderType(merged) };
    const next: OrderType = { ...fields, updatedAt: ctx.deps.clock.now() };
    await saveOrderType(tx, next);
    return next;
  });
}
