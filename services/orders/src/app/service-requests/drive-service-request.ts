import { DomainError } from '@bazar/kit/errors';
import { findServiceRequest } from '../../db/service-request-repo.ts';
import { unusedMaterials } from '../../domain/service-quote.ts';
import { kitMaterials } from '../../domain/service-request.ts';
import type { OrdersContext } from '../context.ts';
import { requestStepId } from './booking-state.ts';
import { closeOutRequest } from './close-out-request.ts';
import { equipRequest } from './equip-request.ts';
import { updateRequest } from './update-request.ts';

/**
 * Makes a request's next call to another service, whatever brought it here (a route, an event, the
 * retried job): equip an assigned one, issue a picked kit, return unused materials of a completed
 * one, void and release a cancelled or unmatched one. Every call is idempotent by the request's
 * derived ids, so a crash between the call and the write is repaired by driving again.
 */
export async function driveServiceRequest(ctx: OrdersContext, requestId: string): Promise<void> {
  const request = await findServiceRequest(ctx.deps.db, requestId);
  if (!request) return;
  if (request.status === 'cancelled' || request.status === 'unmatched') return closeOutRequest(ctx, request);
  if (request.status === 'assigned' && request.kitState === 'needed') return equipRequest(ctx, request);
  if (request.status === 'equipping' && request.kitState === 'picked') {
    await ctx.inventory.issueToWorker(requestStepId(request.id, 'kit'));
    await updateRequest(ctx, request.id, (r) =>
      r.status === 'equipping' && r.kitState === 'picked'
        ? {
            ...r,
            status: 'equipped',
            kitState: 'issued',
            history: [
              ...r.history,
              { status: 'equipped', at: ctx.deps.clock.now().toISOString(), actorId: null, note: 'kit picked and issued' },
            ],
          }
        : null,
    );
    return;
  }
  if (request.status === 'completed' && request.kitState === 'issued' && request.report) {
    const back = unusedMaterials(kitMaterials(request), request.report.materialsUsed);
    try {
      if (back.length > 0) await ctx.inventory.returnFromWorker(requestStepId(request.id, 'kit'), back);
    } catch (error) {
      if (!(error instanceof DomainError && error.status === 404)) throw error;
    }
    await updateRequest(ctx, request.id, (r) => (r.kitState === 'issued' ? { ...r, kitState: 'returned' } : null));
  }
}
