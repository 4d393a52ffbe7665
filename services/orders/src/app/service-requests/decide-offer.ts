import type { AuthUser } from '@bazar/kit/http/auth';
import { findServiceRequest, saveServiceRequest } from '../../db/service-request-repo.ts';
import { RequestNotFound } from '../../domain/service-request.errors.ts';
import type { ServiceRequest } from '../../domain/service-request.ts';
import type { OrdersContext } from '../context.ts';
import { driveServiceRequest } from './drive-service-request.ts';
import { markAssigned } from './mark-assigned.ts';

/**
 * The offered worker accepts or declines. Workforce decides (one winner; 403 not your offer; 409 the
 * offer is gone); on its 200 an accepted request is `assigned` here at once and its kit is asked for.
 */
export async function decideOffer(
  ctx: OrdersContext,
  input: { requestId: string; actor: AuthUser; decision: 'accept' | 'decline' },
): Promise<ServiceRequest> {
  const request = await findServiceRequest(ctx.deps.db, input.requestId);
  if (!request) throw RequestNotFound(input.requestId);
  if (input.decision === 'decline') {
    await ctx.workforce.decline(request.id, input.actor.id);
    // The decliner no longer sees the request (unless matching offers it to them again).
    return ctx.deps.uow(async ({ tx }) => {
      const current = await findServiceRequest(tx, request.id, true);
      if (!current || current.offeredTo !== input.actor.id) return current ?? request;
      const next = { ...current, offeredTo: null, updatedAt: ctx.deps.clock.now() };
      await saveServiceRequest(tx, next);
      return next;
    });
  }
  await ctx.workforce.accept(request.id, input.actor.id);
  const assigned = await ctx.deps.uow((txc) => markAssigned(ctx, txc, { requestId: request.id, workerId: input.actor.id }));
  if (assigned.kitState !== 'needed') return assigned;
  // The job sent with the assignment retries this if it fails now.
  await driveServiceRequest(ctx, request.id).catch((error: unknown) =>
    ctx.deps.log.warn({ err: error, requestId: request.id }, 'equipping deferred to its job'),
  );
  return (await findServiceRequest(ctx.deps.db, request.id)) ?? assigned;
}
