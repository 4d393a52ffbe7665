import type { Money } from '@bazar/kit/money';
import type { MaterialLine } from './order-type.ts';
import type { ServiceQuote } from './service-quote.ts';
import { type ServiceRequestStatus, serviceRequestMachine } from './service-request-status.ts';

export interface ServiceAddress {
  city: string;
  street: string;
  house: string;
  apartment?: string;
  lat?: number;
  lon?: number;
}

/** Where the worker's kit stands: needed → queued (kit tasks) → picked → issued (stock left) → returned; or released. */
export type KitState = 'none' | 'needed' | 'queued' | 'picked' | 'issued' | 'returned' | 'released' | 'failed';

/** The worker's report at completion. */
export interface WorkReport {
  summary: string;
  hoursSpent: number;
  materialsUsed: MaterialLine[];
  amount: Money;
  receiptNumber: string;
  completedAt: string;
}

export interface HistoryEntry {
  status: ServiceRequestStatus;
  at: string;
  actorId: string | null;
  note: string | null;
}

/** A customer's booking of a worker, with its locked price and where its saga stands. */
export interface ServiceRequest {
  id: string;
  number: string;
  customerId: string;
  typeId: string;
  typeName: string;
  skill: string;
  status: ServiceRequestStatus;
  address: ServiceAddress;
  scheduledAt: Date;
  description: string;
  quote: ServiceQuote;
  promoCode: string | null;
  pointsUsed: number;
  paymentId: string | null;
  paymentStatus: 'authorized' | 'captured' | 'voided' | null;
  offeredTo: string | null;
  workerId: string | null;
  kitState: KitState;
  kitTaskIds: string[];
  pickedTaskIds: string[];
  report: WorkReport | null;
  rating: number | null;
  history: HistoryEntry[];
  createdAt: Date;
  updatedAt: Date;
}

export const formatRequestNumber = (sequence: number) => `S-${String(sequence).padStart(6, '0')}`;
/** The receipt of a completed request: its number under an R- prefix, so a customer can quote either. */
export const receiptNumberOf = (requestNumber: string) => requestNumber.replace(/^S-/, 'R-');

/** Moves a request (409 orders.illegal_transition when the table says no) and records who and why. */
export function moveRequest(
  request: ServiceRequest,
  to: ServiceRequestStatus,
  by: { actorId: string | null; at: Date; note?: string | null },
): ServiceRequest {
  serviceRequestMachine.assert(request.status, to);
  return {
    ...request,
    status: to,
    updatedAt: by.at,
    history: [...request.history, { status: to, at: by.at.toISOString(), actorId: by.actorId, note: by.note ?? null }],
  };
}

/** Who may read a request: its customer, the worker it is offered to or assigned to, and staff. */
export function canSee(request: Pick<ServiceRequest, 'customerId' | 'offeredTo' | 'workerId'>, user: { id: string; isStaff: boolean }) {
  return user.isStaff || request.customerId === user.id || request.offeredTo === user.id || request.workerId === user.id;
}

/** Issued materials as the request's kit holds them (the type's materials at booking). */
export const kitMaterials = (request: Pick<ServiceRequest, 'quote'>): MaterialLine[] =>
  request.quote.materials.map((m) => ({ sku: m.sku, quantity: m.quantity }));
