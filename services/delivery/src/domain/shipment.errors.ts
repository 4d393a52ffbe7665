import { DomainError } from '@bazar/kit/errors';

export const ShipmentNotFound = (id: string) => new DomainError('delivery.shipment_not_found', 404, `No shipment ${id}`);
export const TrackingNotFound = () => new DomainError('delivery.tracking_not_found', 404, 'No shipment has this tracking number');
export const CourierNotFound = (id: string) => new DomainError('delivery.courier_not_found', 404, `No courier ${id}`);
export const NotYourShipment = () => new DomainError('delivery.not_your_shipment', 403, 'This shipment is assigned to another courier');
export const CourierOffDuty = (id: string) =>
  new DomainError('delivery.courier_off_duty', 409, `Courier ${id} is off duty`, { courierId: id });
export const CourierOfAnotherCity = (city: string) =>
  new DomainError('delivery.courier_wrong_city', 422, `The courier does not deliver in ${city}`, { city });
export const FailureNeedsReason = () => new DomainError('delivery.reason_required', 422, 'A failed delivery needs a reason in `note`');
export const RefusalOnlyOnFailure = () =>
  new DomainError('delivery.refused_needs_failed', 422, '`refused` belongs to a `failed` report (the customer refused the parcel)');
export const DeliveryCodeMissing = () =>
  new DomainError(
    'delivery.code_required',
    422,
    'Enter the code the customer got by SMS in `code` (an operator may override with a reason in `note`)',
  );
export const DeliveryCodeWrong = () => new DomainError('delivery.code_wrong', 422, 'This is not the code the customer got by SMS');
export const DeliveryCodeLocked = () =>
  new DomainError('delivery.code_locked', 409, 'Too many wrong codes: an operator has to confirm this delivery');
export const OverrideNeedsReason = () =>
  new DomainError('delivery.override_reason_required', 422, 'Marking delivered without the customer’s code needs a reason in `note`');
export const SlotRefused = (reason: 'unknown_window' | 'past' | 'too_far' | 'full', date: string, windowId: string) =>
  reason === 'full'
    ? new DomainError('delivery.slot_full', 409, `The ${windowId} window on ${date} is full: choose another`, { date, windowId })
    : new DomainError(`delivery.slot_${reason}`, 422, `No ${windowId} window can be booked on ${date} (${reason.replace('_', ' ')})`, {
        date,
        windowId,
      });
