import type { TxContext } from '@bazar/kit/events/outbox';
import { findServiceRequest, saveServiceRequest } from '../../db/service-request-repo.ts';
import { RequestNotFound } from '../../domain/service-request.errors.ts';
import { moveRequest, type ServiceRequest } from '../../domain/service-request.ts';
import type { OrdersContext } from '../context.ts';
import { sendDrive } from './drive-queue.ts';

/**
 * Workforce gave the request to a worker (their accept answered 200, or `workforce.offer.accepted`
 * arrived): `assigned`, and equipping is queued. Idempotent: a request already this worker's is
 * answered as it is; one closed meanwhile (cancelled) stays closed.
 */
export async function markAssigned(
  ctx: OrdersContext,
  txc: TxContext,
  input: { requestId: string; workerId: string },
): Promise<ServiceRequest> {
  const request = await findServiceRequest(txc.tx, input.requestId, true);
  if (!request) throw RequestNotFound(input.requestId);
  if (request.status !== 'matching') return request;
  const next = {
    ...moveRequest(request, 'assigned', { actorId: input.workerId, at: ctx.deps.clock.now() }),
    workerId: input.workerId,
    offeredTo: null,
  };
  await saveServiceRequest(txc.tx, next);
  if (next.kitState === 'needed') await sendDrive(ctx, txc.tx, next.id);
  return next;
}
