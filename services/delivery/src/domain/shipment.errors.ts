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
