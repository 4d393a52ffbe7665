import { NotYet } from '@bazar/kit/errors';
import type { TxContext } from '@bazar/kit/events/outbox';
import { findServiceRequest, saveServiceRequest } from '../../db/service-request-repo.ts';
import { moveRequest } from '../../domain/service-request.ts';
import { serviceRequestClosed } from '../../events/outbound.ts';
import type { OrdersContext } from '../context.ts';
import { sendDrive } from './drive-queue.ts';

/** Matching offered the request to a worker: they may now read it (until they decline or it is given to someone). */
export async function noteOffer(ctx: OrdersContext, txc: TxContext, input: { requestId: string; workerId: string }): Promise<void> {
  const request = await findServiceRequest(txc.tx, input.requestId, true);
  if (request?.status !== 'matching') return;
  await saveServiceRequest(txc.tx, { ...request, offeredTo: input.workerId, updatedAt: ctx.deps.clock.now() });
}

/** Nobody was found by `scheduledAt`: `unmatched`, the customer told (notifications), the authorization voided by the drive job. */
export async function markUnmatched(ctx: OrdersContext, txc: TxContext, requestId: string): Promise<void> {
  const request = await findServiceRequest(txc.tx, requestId, true);
  if (request?.status !== 'matching') return;
  const next = {
    ...moveRequest(request, 'unmatched', { actorId: null, at: ctx.deps.clock.now(), note: 'no worker was found' }),
    offeredTo: null,
  };
  await saveServiceRequest(txc.tx, next);
  await txc.publish(serviceRequestClosed(next, 'unmatched', null));
  await sendDrive(ctx, txc.tx, requestId);
}

/** A kit task of the request was picked; when all are, the kit is issued by the drive job. */
export async function markKitPicked(ctx: OrdersContext, txc: TxContext, input: { requestId: string; taskId: string }): Promise<void> {
  const request = await findServiceRequest(txc.tx, input.requestId, true);
  // Picked before equipping wrote its task ids (a fast picker): the bus brings it again.
  if (request?.status === 'assigned' && request.kitState === 'needed') throw new NotYet(`kit of ${input.requestId} is being queued`);
  if (!request?.kitTaskIds.includes(input.taskId) || request.pickedTaskIds.includes(input.taskId)) return;
  const pickedTaskIds = [...request.pickedTaskIds, input.taskId];
  const all = request.kitTaskIds.every((id) => pickedTaskIds.includes(id));
  const kitState = all && request.kitState === 'queued' ? 'picked' : request.kitState;
  await saveServiceRequest(txc.tx, { ...request, pickedTaskIds, kitState, updatedAt: ctx.deps.clock.now() });
  if (kitState === 'picked') await sendDrive(ctx, txc.tx, request.id);
}
