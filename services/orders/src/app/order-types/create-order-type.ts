import { insertOrderType } from '../../db/order-type-repo.ts';
import { checkOrderType, type OrderType, type OrderTypeFields } from '../../domain/order-type.ts';
import type { OrdersContext } from '../context.ts';

/** A manager adds a kind of order (goods or a service with its skill, rates and materials); a taken code is 409. */
export async function createOrderType(ctx: OrdersContext, fields: OrderTypeFields): Promise<OrderType> {
  const at = ctx.deps.clock.now();
  const type: OrderType = { ...checkOrderType(fields), id: ctx.deps.ids.next(), builtIn: false, createdAt: at, updatedAt: at };
  await insertOrderType(ctx.deps.db, type);
  return type;
}
