import type { AuthUser } from '@bazar/kit/http/auth';
import { findServiceRequest, saveServiceRequest } from '../../db/service-request-repo.ts';
import type { MaterialLine } from '../../domain/order-type.ts';
import { actualAmount } from '../../domain/service-quote.ts';
import { MaterialNotInKit, NotYourRequest, RequestNotFound } from '../../domain/service-request.errors.ts';
import { moveRequest, receiptNumberOf, type ServiceRequest } from '../../domain/service-request.ts';
import { serviceRequestMachine } from '../../domain/service-request-status.ts';
import { serviceRequestClosed, serviceRequestCompleted } from '../../events/outbound.ts';
import type { OrdersContext } from '../context.ts';
import { sendDrive } from './drive-queue.ts';
import { driveServiceRequest } from './drive-service-request.ts';

export interface CompletionReport {
  summary: string;
  hoursSpent: number;
  materialsUsed: MaterialLine[];
}

/**
 * The assigned worker completes the job with their report: the actual amount (hours spent, materials
 * used, at most what was authorized) is captured and posted to the ledger by payments, the request
 * is `completed`, the report e-mail goes out (notifications follows `orders.service_request.completed`)
 * and unused materials go back to stock. The same completion sent twice captures once: payments'
 * capture answers a captured payment as it is, and a completed request is answered as it stands.
 */
export async function completeServiceRequest(
  ctx: OrdersContext,
  input: { requestId: string; actor: AuthUser; report: CompletionReport },
): Promise<ServiceRequest> {
  const request = await findServiceRequest(ctx.deps.db, input.requestId);
  if (!request) throw RequestNotFound(input.requestId);
  if (request.workerId !== input.actor.id) throw NotYourRequest();
  if (request.status === 'completed') return request;
  serviceRequestMachine.assert(request.status, 'completed');
  const kit = new Map(request.quote.materials.map((m) => [m.sku, m.quantity]));
  for (const used of input.report.materialsUsed) {
    if ((kit.get(used.sku) ?? 0) < used.quantity) throw MaterialNotInKit(used.sku);
  }
  const amount = actualAmount(request.quote, input.report);
  if (request.paymentId) {
    if (amount.amount > 0) await ctx.payments.capture(request.paymentId, amount);
    else await ctx.payments.void(request.paymentId);
  }
  if (ctx.faults.failAfter?.() === 'capture-payment') throw new Error('injected failure after capture-payment');
  const done = await ctx.deps.uow(async ({ tx, publish }) => {
    const current = await findServiceRequest(tx, request.id, true);
    if (!current) throw RequestNotFound(request.id);
    if (current.status === 'completed') return current;
    const at = ctx.deps.clock.now();
    const receiptNumber = receiptNumberOf(current.number);
    const report = { ...input.report, amount, receiptNumber, completedAt: at.toISOString() };
    const next: ServiceRequest = {
      ...moveRequest(current, 'completed', { actorId: input.actor.id, at }),
      report,
      paymentStatus: current.paymentId ? (amount.amount > 0 ? 'captured' : 'voided') : null,
    };
    await saveServiceRequest(tx, next);
    await publish(serviceRequestCompleted(next, report, input.actor.id));
    await publish(serviceRequestClosed(next, 'completed', input.actor.id));
    if (next.kitState === 'issued') await sendDrive(ctx, tx, next.id);
    return next;
  });
  if (done.kitState === 'issued') {
    await driveServiceRequest(ctx, done.id).catch((error: unknown) =>
      ctx.deps.log.warn({ err: error, requestId: done.id }, 'returning unused materials deferred to its job'),
    );
  }
  return done;
}
