import { type AuthUser, hasRole } from '@bazar/kit/http/auth';
import { findServiceRequest, saveServiceRequest } from '../../db/service-request-repo.ts';
import { CancelRefused, NotYourRequest, RequestNotFound } from '../../domain/service-request.errors.ts';
import { moveRequest, type ServiceRequest } from '../../domain/service-request.ts';
import { canCancel } from '../../domain/service-request-status.ts';
import { serviceRequestClosed } from '../../events/outbound.ts';
import type { OrdersContext } from '../context.ts';
import { sendDrive } from './drive-queue.ts';
import { driveServiceRequest } from './drive-service-request.ts';

/**
 * The owner (before work starts) or a manager cancels: `cancelled`, the worker freed
 * (`orders.service_request.closed`), then the authorization voided and the kit returned — by the
 * drive job sent in the same transaction, so a crash after the cancel still undoes everything.
 */
export async function cancelServiceRequest(
  ctx: OrdersContext,
  input: { requestId: string; actor: AuthUser; reason?: string },
): Promise<ServiceRequest> {
  const cancelled = await ctx.deps.uow(async ({ tx, publish }) => {
    const request = await findServiceRequest(tx, input.requestId, true);
    if (!request) throw RequestNotFound(input.requestId);
    const isOwner = request.customerId === input.actor.id;
    const isManager = hasRole(input.actor, 'manager', 'admin');
    if (!isOwner && !isManager) throw NotYourRequest();
    if (request.status === 'cancelled') return request;
    if (!canCancel(request.status, { isOwner, isManager })) throw CancelRefused(request.status);
    const next = moveRequest(request, 'cancelled', { actorId: input.actor.id, at: ctx.deps.clock.now(), note: input.reason ?? null });
    await saveServiceRequest(tx, next);
    await publish(serviceRequestClosed(next, 'cancelled', next.workerId));
    await sendDrive(ctx, tx, next.id);
    return next;
  });
  await driveServiceRequest(ctx, cancelled.id).catch((error: unknown) =>
    ctx.deps.log.warn({ err: error, requestId: cancelled.id }, 'cancellation compensations deferred to their job'),
  );
  return (await findServiceRequest(ctx.deps.db, cancelled.id)) ?? cancelled;
}
