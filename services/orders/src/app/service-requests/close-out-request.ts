import { DomainError } from '@bazar/kit/errors';
import { kitMaterials, type ServiceRequest } from '../../domain/service-request.ts';
import type { OrdersContext } from '../context.ts';
import { requestStepId } from './booking-state.ts';
import { updateRequest } from './update-request.ts';

const RESERVED = new Set(['needed', 'queued', 'picked', 'failed']);

/**
 * The compensations of a cancelled or unmatched request, each recorded as it is done so a retry
 * resumes after it: the promotion's use and the points go back, the authorization is voided, the
 * kit's reservation is released — or, once issued, the whole kit comes back to stock.
 */
export async function closeOutRequest(ctx: OrdersContext, request: ServiceRequest): Promise<void> {
  if (request.paymentStatus === 'authorized' || (request.paymentStatus === null && request.quote.total.amount === 0)) {
    if (request.promoCode) await ctx.promotions.cancelRedemption(requestStepId(request.id, 'redemption'));
    if (request.pointsUsed > 0) await ctx.promotions.cancelHold(requestStepId(request.id, 'hold'));
  }
  if (request.paymentStatus === 'authorized' && request.paymentId) {
    await ctx.payments.void(request.paymentId);
    await updateRequest(ctx, request.id, (r) => ({ ...r, paymentStatus: 'voided' }));
    if (ctx.faults.failAfter?.() === 'void-payment') throw new Error('injected failure after void-payment');
  }
  const kitId = requestStepId(request.id, 'kit');
  if (RESERVED.has(request.kitState)) {
    await ctx.inventory.release(kitId);
    await updateRequest(ctx, request.id, (r) => (RESERVED.has(r.kitState) ? { ...r, kitState: 'released' } : null));
  } else if (request.kitState === 'issued') {
    try {
      await ctx.inventory.returnFromWorker(kitId, kitMaterials(request));
    } catch (error) {
      if (!(error instanceof DomainError && error.status === 404)) throw error;
    }
    await updateRequest(ctx, request.id, (r) => (r.kitState === 'issued' ? { ...r, kitState: 'returned' } : null));
  }
}
