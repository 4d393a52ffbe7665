import { type AuthUser, hasRole, STAFF_ROLES } from '@bazar/kit/http/auth';
import { decodeCursor, toPage } from '@bazar/kit/http/pagination';
import { listServiceRequests as readRequests } from '../../db/service-request-repo.ts';
import type { OrdersContext } from '../context.ts';
import { toRequestView } from './request-view.ts';

const isCursor = (v: unknown): v is { id: string } =>
  typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string' && /^[0-9a-f-]{36}$/.test((v as { id: string }).id);

/**
 * Newest first: staff see every request; a worker the ones offered or assigned to them (`mine=worker`
 * for a worker who is also a customer); a customer their own.
 */
export async function listServiceRequests(
  ctx: OrdersContext,
  input: { user: AuthUser; status?: string; as?: 'customer' | 'worker'; limit: number; cursor?: string },
) {
  const after = decodeCursor(input.cursor, isCursor);
  const { user } = input;
  const staff = hasRole(user, ...STAFF_ROLES);
  const asWorker = input.as === 'worker' || (input.as === undefined && !staff && hasRole(user, 'worker') && !hasRole(user, 'customer'));
  const scope = asWorker ? { workerId: user.id } : staff && input.as !== 'customer' ? {} : { customerId: user.id };
  const rows = await readRequests(ctx.deps.db, {
    ...scope,
    ...(input.status ? { status: input.status } : {}),
    ...(after ? { before: after.id } : {}),
    limit: input.limit + 1,
  });
  return toPage(rows, input.limit, toRequestView, (last) => ({ id: last.id }));
}
