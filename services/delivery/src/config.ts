import { readEnv } from '@bazar/kit/config';
import { type Static, Type } from 'typebox';

export const DeliveryConfigSchema = Type.Object({
  DELIVERY_DEFAULT_CITY: Type.String({
    default: 'Москва',
    minLength: 1,
    description: 'City a new courier delivers in until an operator sets another (`PATCH /api/v1/couriers/{id}`)',
  }),
  DELIVERY_DAY_START_UTC: Type.Integer({
    default: 7,
    minimum: 0,
    maximum: 23,
    description: "Hour (UTC) couriers leave the warehouse; a day's ETAs start there (or now, once the day has begun)",
  }),
  DELIVERY_SPEED_KMH: Type.Number({ default: 25, exclusiveMinimum: 0, description: 'Average courier speed between stops, for ETAs' }),
  DELIVERY_STOP_MINUTES: Type.Integer({ default: 10, minimum: 0, description: 'Minutes a courier spends at each stop, for ETAs' }),
  DELIVERY_UNKNOWN_LEG_KM: Type.Number({
    default: 3,
    exclusiveMinimum: 0,
    description: 'Assumed length of a leg to an address that came without coordinates',
  }),
  DELIVERY_TIME_ZONE: Type.String({
    default: 'Europe/Moscow',
    minLength: 1,
    description: "Time zone of delivery windows' times of day (a window that has begun today can no longer be chosen)",
  }),
  DELIVERY_MAX_ATTEMPTS: Type.Integer({
    default: 3,
    minimum: 1,
    description:
      'Failed delivery attempts after which the parcel goes back to the warehouse by itself (the order is cancelled and refunded)',
  }),
});
export type DeliveryConfig = Static<typeof DeliveryConfigSchema>;

export const readDeliveryConfig = (env: Record<string, string | undefined>) => readEnv(DeliveryConfigSchema, env);
