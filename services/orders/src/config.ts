import { readEnv } from '@bazar/kit/config';
import { type Static, Type } from 'typebox';
import { parseDurationSeconds } from './domain/duration.ts';

export const OrdersConfigSchema = Type.Object({
  RETURN_WINDOW_DAYS: Type.Integer({
    default: 14,
    minimum: 0,
    description: 'Days after delivery within which a customer may ask to return items',
  }),
  ORDER_PAYMENT_TTL: Type.String({
    default: '30m',
    description: 'How long an unpaid order waits for its payment: seconds (`1800`), `30m`, `2h`, `1d` or ISO 8601 (`PT30M`)',
  }),
});

export interface OrdersConfig extends Static<typeof OrdersConfigSchema> {
  paymentTtlSeconds: number;
}

/** Orders settings; a TTL that is not a duration stops start-up. */
export function readOrdersConfig(env: Record<string, string | undefined>): OrdersConfig {
  const raw = readEnv(OrdersConfigSchema, env);
  const paymentTtlSeconds = parseDurationSeconds(raw.ORDER_PAYMENT_TTL);
  if (paymentTtlSeconds === undefined || paymentTtlSeconds < 1) {
    throw new Error(`Invalid configuration:\n  ORDER_PAYMENT_TTL: "${raw.ORDER_PAYMENT_TTL}" is not a duration like 30m or PT30M`);
  }
  return { ...raw, paymentTtlSeconds };
}
