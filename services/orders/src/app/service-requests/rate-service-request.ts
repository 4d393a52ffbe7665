import type { AuthUser } from '@bazar/kit/http/auth';
import { findServiceRequest, saveServiceRequest } from '../../db/service-request-repo.ts';
import { AlreadyRated, NotRateable, NotYourRequest, RequestNotFound } from '../../domain/service-request.errors.ts';
import type { ServiceRequest } from '../../domain/service-request.ts';
import { serviceRequestRated } from '../../events/outbound.ts';
import type { OrdersContext } from '../context.ts';

/** The customer rates the worker of their completed request, once; workforce folds it into the worker's rating. */
export async function rateServiceRequest(
  ctx: OrdersContext,
  input: { requestId: string; actor: AuthUser; stars: number },
): Promise<ServiceRequest> {
  return ctx.deps.uow(async ({ tx, publish }) => {
    const request = await findServiceRequest(tx, input.requestId, true);
    if (!request) throw RequestNotFound(input.requestId);
    if (request.customerId !== input.actor.id) throw NotYourRequest();
    if (request.status !== 'completed' || !request.workerId) throw NotRateable(request.status);
    if (request.rating !== null) throw AlreadyRated();
    const next = { ...request, rating: input.stars, updatedAt: ctx.deps.clock.now() };
    await saveServiceRequest(tx, next);
    await publish(serviceRequestRated(request.id, request.workerId, input.stars));
    return next;
  });
}
