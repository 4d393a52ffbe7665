import type { AuthUser } from '@bazar/kit/http/auth';
import { findServiceRequest, saveServiceRequest } from '../../db/service-request-repo.ts';
import { NotEquipped, NotYourRequest, RequestNotFound } from '../../domain/service-request.errors.ts';
import { moveRequest, type ServiceRequest } from '../../domain/service-request.ts';
import type { OrdersContext } from '../context.ts';

/** The assigned worker starts the job: once equipped, or at once for a type without materials. A repeat is a no-op. */
export async function startServiceRequest(ctx: OrdersContext, input: { requestId: string; actor: AuthUser }): Promise<ServiceRequest> {
  return ctx.deps.uow(async ({ tx }) => {
    const request = await findServiceRequest(tx, input.requestId, true);
    if (!request) throw RequestNotFound(input.requestId);
    if (request.workerId !== input.actor.id) throw NotYourRequest();
    if (request.status === 'in_progress') return request;
    // Assigned → in progress only when nothing is to be picked; otherwise the kit comes first.
    if (request.status === 'assigned' && request.kitState !== 'none') throw NotEquipped();
    const next = moveRequest(request, 'in_progress', { actorId: input.actor.id, at: ctx.deps.clock.now() });
    await saveServiceRequest(tx, next);
    return next;
  });
}
