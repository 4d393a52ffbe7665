import type { ServiceRequestStatusName } from '@bazar/contracts/events/orders';
import { defineMachine } from '@bazar/kit/machine';

export type ServiceRequestStatus = ServiceRequestStatusName;

/** A service request's lifecycle (CONTRACT.md): a type without materials goes from assigned straight to work. */
export const serviceRequestMachine = defineMachine<ServiceRequestStatus>(
  {
    matching: ['assigned', 'cancelled', 'unmatched'],
    assigned: ['equipping', 'in_progress', 'cancelled'],
    equipping: ['equipped', 'cancelled'],
    equipped: ['in_progress', 'cancelled'],
    in_progress: ['completed', 'cancelled'],
    completed: [],
    cancelled: [],
    unmatched: [],
  },
  'orders.illegal_transition',
);

/** The ends of a request: nothing moves it further. */
export const isClosed = (status: ServiceRequestStatus) => status === 'completed' || status === 'cancelled' || status === 'unmatched';

/** The owner may cancel before work starts; a manager (or admin) until it is completed. */
export function canCancel(status: ServiceRequestStatus, actor: { isOwner: boolean; isManager: boolean }): boolean {
  if (!serviceRequestMachine.can(status, 'cancelled')) return false;
  if (actor.isManager) return true;
  return actor.isOwner && status !== 'in_progress';
}
