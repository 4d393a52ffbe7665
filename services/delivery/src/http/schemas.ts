import { NullableString, Timestamp, Uuid } from '@bazar/contracts/common';
import { SHIPMENT_STATUSES } from '@bazar/contracts/events/delivery';
import { Type } from 'typebox';
import { COURIER_REPORTS } from '../domain/shipment-status.ts';

const Status = Type.Enum([...SHIPMENT_STATUSES]);
const Day = Type.String({ format: 'date' });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', examples: ['10:00'] });
const SlotTimes = Type.Object({ from: Time, to: Time });

const AddressView = Type.Object({
  city: Type.String(),
  street: Type.String(),
  house: Type.String(),
  apartment: Type.Optional(Type.String()),
  postalCode: Type.Optional(Type.String()),
  lat: Type.Optional(Type.Number()),
  lon: Type.Optional(Type.Number()),
});

export const ShipmentSchema = Type.Object(
  {
    id: Uuid,
    orderId: Uuid,
    orderNumber: Type.String(),
    trackingNumber: Type.String(),
    status: Status,
    courierId: Nullable(Uuid),
    city: Type.String(),
    address: AddressView,
    phone: Type.String(),
    deliveryDate: Day,
    /** The delivery window the customer chose at checkout (local times), if any. */
    slot: Type.Union([SlotTimes, Type.Null()]),
    routePosition: Type.Union([Type.Integer(), Type.Null()]),
    eta: Nullable(Timestamp),
    failures: Type.Integer(),
    createdAt: Timestamp,
  },
  { $id: 'Shipment' },
);

export const ShipmentDetail = Type.Intersect([
  Type.Ref('Shipment'),
  Type.Object({
    events: Type.Array(Type.Object({ id: Uuid, status: Status, at: Timestamp, note: NullableString(), actorId: Nullable(Uuid) })),
  }),
]);

export const ShipmentParams = Type.Object({ id: Uuid });
export const ListShipmentsQuery = Type.Object({
  status: Type.Optional(Status),
  date: Type.Optional(Day),
  courierId: Type.Optional(Uuid),
});

export const AssignBody = Type.Object(
  { courierId: Uuid, deliveryDate: Type.Optional(Day) },
  { additionalProperties: false, examples: [{ courierId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d', deliveryDate: '2026-12-04' }] },
);

export const ReportBody = Type.Object(
  {
    /** Made by the courier's app for each report; a retry of the same report sends the same id. */
    eventId: Type.Optional(Uuid),
    status: Type.Enum([...COURIER_REPORTS]),
    note: Type.Optional(Type.String({ maxLength: 500 })),
    /** For `failed`: the customer refused the parcel; it goes back to the warehouse at once. */
    refused: Type.Optional(Type.Boolean()),
    /** For `delivered`: the code the customer got by SMS at pickup. */
    code: Type.Optional(Type.String({ pattern: '^[0-9]{4,6}$' })),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  },
  { additionalProperties: false, examples: [{ status: 'failed', note: 'Nobody at home', lat: 55.7558, lon: 37.6173 }] },
);

export const ReturnBody = Type.Object(
  { reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) },
  { additionalProperties: false, examples: [{ reason: 'Customer unreachable after two attempts' }] },
);

export const TrackingParams = Type.Object({ trackingNumber: Type.String({ minLength: 1, maxLength: 40 }) });
export const TrackingSchema = Type.Object(
  {
    trackingNumber: Type.String(),
    status: Status,
    deliveryDate: Day,
    slot: Type.Union([SlotTimes, Type.Null()]),
    eta: Nullable(Timestamp),
    events: Type.Array(Type.Object({ status: Status, at: Timestamp }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

export const CourierSchema = Type.Object(
  { id: Uuid, name: Type.String(), city: Type.String(), onDuty: Type.Boolean(), updatedAt: Timestamp },
  { $id: 'Courier' },
);
export const CourierParams = Type.Object({ id: Type.Union([Uuid, Type.Literal('me')]) });
export const CourierBody = Type.Object(
  {
    onDuty: Type.Optional(Type.Boolean()),
    city: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false, minProperties: 1, examples: [{ onDuty: true }] },
);
export const CouriersQuery = Type.Object({ city: Type.Optional(Type.String({ maxLength: 200 })), onDuty: Type.Optional(Type.Boolean()) });
export const RouteQuery = Type.Object({ date: Type.Optional(Day) });
export const RouteSchema = Type.Object({
  courierId: Uuid,
  courier: Type.Union([Type.Ref('Courier'), Type.Null()]),
  date: Day,
  stops: Type.Array(Type.Ref('Shipment')),
  finished: Type.Array(Type.Ref('Shipment')),
});

export const SlotsQuery = Type.Object({
  city: Type.String({ minLength: 1, maxLength: 200 }),
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: 14, default: 7 })),
});
export const SlotOfferSchema = Type.Object({
  date: Day,
  windowId: Type.String(),
  from: Time,
  to: Time,
  capacity: Type.Integer(),
  left: Type.Integer(),
});
export const SlotWindowsBody = Type.Object(
  {
    windows: Type.Array(
      Type.Object(
        {
          id: Type.String({ pattern: '^[a-z0-9-]{1,32}$' }),
          from: Time,
          to: Time,
          capacity: Type.Integer({ minimum: 0, maximum: 10_000 }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 24 },
    ),
  },
  {
    additionalProperties: false,
    examples: [
      {
        windows: [
          { id: 'morning', from: '10:00', to: '14:00', capacity: 40 },
          { id: 'evening', from: '18:00', to: '22:00', capacity: 30 },
        ],
      },
    ],
  },
);
export const CityParams = Type.Object({ city: Type.String({ minLength: 1, maxLength: 200 }) });
export const BookingBody = Type.Object(
  {
    bookingId: Uuid,
    city: Type.String({ minLength: 1, maxLength: 200 }),
    date: Day,
    windowId: Type.String({ minLength: 1, maxLength: 32 }),
  },
  { additionalProperties: false },
);
export const BookingSchema = Type.Object({
  bookingId: Uuid,
  city: Type.String(),
  date: Day,
  windowId: Type.String(),
  from: Time,
  to: Time,
});
export const BookingParams = Type.Object({ id: Uuid });
