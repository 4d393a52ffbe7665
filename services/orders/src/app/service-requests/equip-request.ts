import { DomainError } from '@bazar/kit/errors';
import { kitMaterials, type ServiceRequest } from '../../domain/service-request.ts';
import type { OrdersContext } from '../context.ts';
import { requestStepId } from './booking-state.ts';
import { updateRequest } from './update-request.ts';

const note = (ctx: OrdersContext, r: ServiceRequest, text: string) => [
  ...r.history,
  { status: r.status, at: ctx.deps.clock.now().toISOString(), actorId: null, note: text },
];

/**
 * Equips the assigned worker: reserves the type's materials, then puts a kit task per warehouse in
 * the picking queue with the worker on it → `equipping`. Both calls are idempotent by the request's
 * kit id, so a failure part-way is finished by the retried job, not undone; the reservation's undo
 * (release) belongs to the request closing (cancelled, unmatched) or to equipping finding it closed.
 * Out of stock is recorded on the request for a manager instead of retried.
 */
export async function equipRequest(ctx: OrdersContext, request: ServiceRequest): Promise<void> {
  const reservationId = requestStepId(request.id, 'kit');
  const workerId = request.workerId;
  if (!workerId) return;
  try {
    const reservation = await ctx.inventory.reserve({ reservationId, orderId: request.id, lines: kitMaterials(request) });
    if (ctx.faults.failAfter?.() === 'reserve-materials') throw new Error('injected failure after reserve-materials');
    const byWarehouse = new Map<string, { sku: string; quantity: number }[]>();
    for (const line of reservation.lines) {
      byWarehouse.set(line.warehouseId, [...(byWarehouse.get(line.warehouseId) ?? []), { sku: line.sku, quantity: line.quantity }]);
    }
    const taskIds: string[] = [];
    for (const [warehouseId, materials] of byWarehouse) {
      const task = await ctx.fulfilment.createKitTask({ requestId: request.id, number: request.number, warehouseId, workerId, materials });
      taskIds.push(task.id);
    }
    const saved = await updateRequest(ctx, request.id, (r) =>
      r.status === 'assigned' && r.kitState === 'needed'
        ? {
            ...r,
            status: 'equipping',
            kitState: 'queued',
            kitTaskIds: taskIds,
            history: note(ctx, { ...r, status: 'equipping' }, 'kit queued for picking'),
          }
        : null,
    );
    // Closed while the kit was being queued: its close-out may have run before this reservation existed.
    if (saved && (saved.status === 'cancelled' || saved.status === 'unmatched')) await ctx.inventory.release(reservationId);
  } catch (error) {
    if (!(error instanceof DomainError && error.code === 'inventory.out_of_stock')) throw error;
    await updateRequest(ctx, request.id, (r) =>
      r.kitState === 'needed'
        ? { ...r, kitState: 'failed', history: note(ctx, r, 'materials out of stock: the kit waits for a manager') }
        : null,
    );
  }
}
