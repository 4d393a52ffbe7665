import { type AuthUser, hasRole, STAFF_ROLES } from '@bazar/kit/http/auth';
import { SURCHARGE_RULES } from '../../domain/service-quote.ts';
import type { ServiceRequest } from '../../domain/service-request.ts';
import { canSee } from '../../domain/service-request.ts';
import { serviceRequestMachine } from '../../domain/service-request-status.ts';

/** May this user read this request (its customer, its offered or assigned worker, staff)? */
export const isVisibleTo = (request: ServiceRequest, user: AuthUser) =>
  canSee(request, { id: user.id, isStaff: hasRole(user, ...STAFF_ROLES) });

/** The request as CONTRACT.md shows it: `{id, number, type, status, price, worker, kit, report, history}` and the booking's facts. */
export function toRequestView(r: ServiceRequest) {
  const q = r.quote;
  return {
    id: r.id,
    number: r.number,
    customerId: r.customerId,
    type: { id: r.typeId, name: r.typeName, skill: r.skill },
    status: r.status,
    nextStatuses: [...serviceRequestMachine.next(r.status)],
    address: r.address,
    scheduledAt: r.scheduledAt.toISOString(),
    description: r.description,
    price: {
      lines: q.lines,
      surcharges: SURCHARGE_RULES.filter((rule) => q.surchargeCodes.includes(rule.code)).map((rule) => ({
        code: rule.code,
        percent: rule.percent,
      })),
      materials: q.materials.map((m) => ({ sku: m.sku, title: m.title, quantity: m.quantity, unitPrice: m.unitPrice })),
      hours: q.hours,
      discount: q.discount,
      total: q.total,
      exchangeRate: q.exchangeRate,
    },
    promoCode: r.promoCode,
    payment: r.paymentId ? { id: r.paymentId, status: r.paymentStatus ?? 'authorized' } : null,
    offeredTo: r.offeredTo,
    worker: r.workerId ? { id: r.workerId } : null,
    kit: r.kitState === 'none' ? null : { state: r.kitState, taskIds: r.kitTaskIds },
    report: r.report,
    rating: r.rating,
    history: r.history,
    createdAt: r.createdAt.toISOString(),
  };
}
export type RequestView = ReturnType<typeof toRequestView>;
