import { findServiceRequest, saveServiceRequest } from '../../db/service-request-repo.ts';
import type { ServiceRequest } from '../../domain/service-request.ts';
import type { OrdersContext } from '../context.ts';

/** Re-reads the request under a lock and applies `change` if it still holds. */
export async function updateRequest(
  ctx: OrdersContext,
  requestId: string,
  change: (request: ServiceRequest) => ServiceRequest | null,
): Promise<ServiceRequest | undefined> {
  return ctx.deps.uow(async ({ tx }) => {
    const current = await findServiceRequest(tx, requestId, true);
    if (!current) return undefined;
    const next = change(current);
    if (!next) return current;
    await saveServiceRequest(tx, { ...next, updatedAt: ctx.deps.clock.now() });
    return next;
  });
}
