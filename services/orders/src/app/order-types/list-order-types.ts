import type { AuthUser } from '@bazar/kit/http/auth';
import { hasRole } from '@bazar/kit/http/auth';
import { listOrderTypes as readOrderTypes } from '../../db/order-type-repo.ts';
import type { OrderType } from '../../domain/order-type.ts';
import type { OrdersContext } from '../context.ts';

/** The kinds of order: active ones for everybody, inactive ones too for managers and admins. */
export async function listOrderTypes(ctx: OrdersContext, user: AuthUser | null): Promise<OrderType[]> {
  return readOrderTypes(ctx.deps.db, { activeOnly: !hasRole(user, 'manager', 'admin') });
}
