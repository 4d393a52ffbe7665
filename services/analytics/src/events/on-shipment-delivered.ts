import { ShipmentDelivered } from '@bazar/contracts/events/delivery';
import { jobSource } from '../app/sources.ts';

/**
 * A courier's delivered parcel. The snapshot carries no pickup time, so a courier's jobs count
 * parcels only; their time stays zero (the summary's packed → delivered covers the wait).
 */
export const shipmentDeliveredSource = () =>
  jobSource(ShipmentDelivered, (d) =>
    d.courierId === null
      ? null
      : { jobId: `delivery:${d.shipmentId}`, role: 'courier', workerId: d.courierId, startedAt: d.at, finishedAt: d.at, units: 1 },
  );
